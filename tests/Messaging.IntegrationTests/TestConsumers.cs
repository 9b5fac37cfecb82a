using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>Records one effect per message; a negative value is poison (it fails every time, after writing).</summary>
public sealed class RecordingConsumer(TestDbContext db) : IdempotentConsumer<SomethingHappened, TestDbContext>(db)
{
    protected override Task HandleAsync(SomethingHappened message, ConsumeContext<SomethingHappened> context)
    {
        Db.Effects.Add(new Effect
        {
            EventId = message.EventId,
            MessageId = context.MessageId!.Value,
            TraceId = Activity.Current?.TraceId.ToString(),
        });
        if (message.Value < 0)
            throw new InvalidOperationException("A negative value is poison.");
        return Task.CompletedTask;
    }
}

/// <summary>Writes an effect, then fails: the effect must be rolled back with the inbox row.</summary>
public sealed class FailingConsumer(TestDbContext db, AttemptCounter attempts) : IdempotentConsumer<PoisonArrived, TestDbContext>(db)
{
    protected override Task HandleAsync(PoisonArrived message, ConsumeContext<PoisonArrived> context)
    {
        attempts.Increment(message.EventId);
        Db.Effects.Add(new Effect { EventId = message.EventId, MessageId = context.MessageId!.Value });
        throw new InvalidOperationException("This consumer always fails.");
    }
}

public sealed class AttemptCounter
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();
    public void Increment(Guid id) => _attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
    public int For(Guid id) => _attempts.GetValueOrDefault(id);
}

/// <summary>Counts completed consumes per message id, duplicates included, as the bus saw them.</summary>
public sealed class ConsumeLog : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();

    public int Count(Guid messageId) => _consumed.GetValueOrDefault(messageId);
    public bool Saw(Guid messageId) => _consumed.ContainsKey(messageId);
    public int Total => _consumed.Values.Sum();

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
            _consumed.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;
    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
