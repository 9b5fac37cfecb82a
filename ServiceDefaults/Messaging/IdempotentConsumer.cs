using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// Base for consumers that write. The message id goes into the inbox in the same transaction as the
/// consumer's own changes (and any events it raises through the outbox), so a redelivered or duplicated
/// message finds its id there and has no second effect. A failure rolls everything back and rethrows:
/// MassTransit retries, then moves the message to the <c>_error</c> queue. Never a silent ack.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext, IMessagingDbContext
{
    protected TDbContext Db { get; } = db;

    /// <summary>Applies the message's effect to <see cref="Db"/>; saving and committing are done for you.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var consumer = GetType().FullName!;
        var ct = context.CancellationToken;
        try
        {
            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            // A concurrent duplicate blocks on the primary key here until the first commits, then inserts nothing.
            var inserted = await Db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, received_at) VALUES ({messageId}, {consumer}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING",
                ct);
            if (inserted == 0)
                return; // already applied; the transaction is rolled back on dispose

            await HandleAsync(context.Message, context);
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            // A retry may reuse this scope: do not let a failed attempt's tracked changes leak into it.
            Db.ChangeTracker.Clear();
            throw;
        }
    }
}
