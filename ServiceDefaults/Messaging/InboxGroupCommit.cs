using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// Group commit for idempotent consumers: messages of one consumer type that arrive while a transaction is
/// running queue up and go into the next transaction together, so a burst of N messages costs a handful of
/// commits (each an fsync) instead of N. One instance per host (a singleton), one lane per consumer type.
/// </summary>
/// <remarks>
/// No message waits for a batch to fill: the first message to find its lane idle is committed at once;
/// only what arrives while that commit runs is batched. Each message keeps its own MassTransit delivery, so
/// acknowledgement, retry and the <c>_error</c> queue work per message exactly as without batching.
/// </remarks>
public sealed class InboxGroupCommit
{
    /// <summary>Most messages in one transaction; the endpoint's concurrency limit usually bounds it first.</summary>
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<Type, object> _lanes = new();

    internal InboxLane<TMessage> LaneFor<TMessage>(Type consumerType) where TMessage : class =>
        (InboxLane<TMessage>)_lanes.GetOrAdd(consumerType, static _ => new InboxLane<TMessage>());
}

/// <summary>A message waiting in a lane: its delivery, the trace it arrived in, and how it ended.</summary>
internal sealed class PendingMessage<TMessage>(Guid messageId, ConsumeContext<TMessage> context, Activity? activity)
    where TMessage : class
{
    public Guid MessageId { get; } = messageId;
    public ConsumeContext<TMessage> Context { get; } = context;
    /// <summary>Restored around the handler, so the handler sees this message's trace, not the batch leader's.</summary>
    public Activity? Activity { get; } = activity;

    /// <summary>Completes when the message's transaction has committed (or faults with why it did not).</summary>
    public TaskCompletionSource Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>Completes when this message's consumer is to run the next batch.</summary>
    public TaskCompletionSource Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The queue of one consumer type. At most one consumer runs a batch at a time (the leader); when it is done
/// it hands the lane to the oldest waiting message's consumer, so every delivery runs at most one batch and
/// is acknowledged as soon as its own transaction has committed.
/// </summary>
internal sealed class InboxLane<TMessage> where TMessage : class
{
    private readonly Lock _gate = new();
    private readonly List<PendingMessage<TMessage>> _waiting = [];
    private bool _busy;

    /// <summary>Queues the message; true when the caller must lead now (the lane was idle).</summary>
    public bool Enqueue(PendingMessage<TMessage> message)
    {
        lock (_gate)
        {
            _waiting.Add(message);
            if (_busy)
                return false;
            _busy = true;
            return true;
        }
    }

    /// <summary>The leader's batch: the oldest waiting messages, its own first among them.</summary>
    public List<PendingMessage<TMessage>> Take()
    {
        lock (_gate)
        {
            var count = Math.Min(InboxGroupCommit.MaxBatch, _waiting.Count);
            var batch = _waiting.GetRange(0, count);
            _waiting.RemoveRange(0, count);
            return batch;
        }
    }

    /// <summary>After a batch: wakes the oldest waiting message's consumer to lead the next, or goes idle.</summary>
    public void HandOver()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
                _busy = false;
            else
                _waiting[0].Turn.TrySetResult();
        }
    }
}
