using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// Base for consumers that write. The message id goes into the inbox in the same transaction as the
/// consumer's own changes (and any events it raises through the outbox), so a redelivered or duplicated
/// message finds its id there and has no second effect. A failure rolls everything back and rethrows:
/// MassTransit retries, then moves the message to the <c>_error</c> queue. Never a silent ack.
/// </summary>
/// <remarks>
/// Messages that arrive together share a transaction (<see cref="InboxGroupCommit"/>): the consumer whose
/// turn it is handles every queued message of its type with its own <see cref="Db"/>, so
/// <see cref="HandleAsync"/> must depend only on its arguments and on services every instance has alike.
/// If a shared transaction fails, each of its messages is retried alone at once, so one poison message
/// fails only its own delivery.
/// </remarks>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext, IMessagingDbContext
{
    protected TDbContext Db { get; } = db;

    /// <summary>Applies the message's effect to <see cref="Db"/>; saving and committing are done for you.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    /// <summary>
    /// In the batch's transaction, before its first message. A consumer whose messages make changes that add up (counters,
    /// version numbers) may collect them from here on and write them once, merged, in <see cref="BatchCompletingAsync"/>:
    /// one statement for the batch instead of one per message.
    /// </summary>
    protected virtual void BatchStarting() { }

    /// <summary>In the batch's transaction, after its last message and before the commit: writes what was collected.</summary>
    protected virtual Task BatchCompletingAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The batch's transaction failed: whatever was collected for it is dropped (each message is then tried alone).</summary>
    protected virtual void BatchAbandoned() { }

    /// <summary>
    /// Whether the batch is saved once, after its last message, rather than after each: one round trip for all its rows
    /// (EF Core batches the statements) instead of one per message. Only for a consumer whose messages see what earlier
    /// ones of the batch wrote through the change tracker alone (<c>DbSet.FindAsync</c>, as
    /// <see cref="Copies.ApplyIfNewerAsync{TCopy}"/> does) and never through a query, which does not see unsaved rows.
    /// </summary>
    protected virtual bool SavesOncePerBatch => false;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var lane = context.GetServiceOrCreateInstance<InboxGroupCommit>().LaneFor<TMessage>(GetType());
        var pending = new PendingMessage<TMessage>(messageId, context, Activity.Current);

        var lead = lane.Enqueue(pending);
        if (!lead)
            lead = await Task.WhenAny(pending.Turn.Task, pending.Result.Task) == pending.Turn.Task;
        if (lead)
        {
            var batch = lane.Take();
            try
            {
                await CommitAsync(batch, context.CancellationToken);
            }
            catch (Exception ex)
            {
                foreach (var message in batch)
                    message.Result.TrySetException(ex); // nobody may be left waiting
            }
            finally
            {
                lane.HandOver();
            }
        }
        await pending.Result.Task; // rethrows this message's own failure, if it had one
    }

    /// <summary>One transaction for the batch; on failure, each message again in a transaction of its own.</summary>
    private async Task CommitAsync(List<PendingMessage<TMessage>> batch, CancellationToken ct)
    {
        try
        {
            await using (var transaction = await Db.Database.BeginTransactionAsync(ct))
            {
                BatchStarting();
                await ApplyNewAsync(batch, ct);
                await BatchCompletingAsync(ct);
                await transaction.CommitAsync(ct);
            }
            foreach (var message in batch)
                message.Result.TrySetResult();
        }
        catch (Exception ex)
        {
            // A retry may reuse this scope: do not let a failed attempt's tracked or collected changes leak into it.
            Db.ChangeTracker.Clear();
            BatchAbandoned();
            if (batch.Count == 1)
            {
                batch[0].Result.TrySetException(ex);
                return;
            }
            foreach (var message in batch)
                await CommitAsync([message], ct);
        }
    }

    /// <summary>
    /// Records the batch's ids in the inbox and applies the messages whose ids were new. A concurrent
    /// duplicate blocks on the primary key until the first transaction commits, then inserts nothing.
    /// </summary>
    private async Task ApplyNewAsync(List<PendingMessage<TMessage>> batch, CancellationToken ct)
    {
        var consumer = GetType().FullName!;
        var ids = batch.Select(m => m.MessageId).Distinct().ToArray();
        var inserted = (await Db.Database.SqlQuery<Guid>($"""
            INSERT INTO inbox_messages (message_id, consumer, received_at)
            SELECT id, {consumer}, {DateTimeOffset.UtcNow} FROM unnest({ids}) AS id
            ON CONFLICT DO NOTHING
            RETURNING message_id AS "Value"
            """).ToListAsync(ct)).ToHashSet();

        var outer = Activity.Current;
        try
        {
            foreach (var message in batch)
            {
                if (!inserted.Remove(message.MessageId))
                    continue; // applied before, or a duplicate earlier in this batch
                Activity.Current = message.Activity;
                await HandleAsync(message.Context.Message, message.Context);
                // Saved one by one (inside the one transaction), so each message sees the rows of those
                // before it, exactly as if they had come one after another; or at the end (SavesOncePerBatch).
                if (!SavesOncePerBatch)
                    await Db.SaveChangesAsync(ct);
            }
            if (SavesOncePerBatch)
                await Db.SaveChangesAsync(ct);
        }
        finally
        {
            Activity.Current = outer;
        }
    }
}
