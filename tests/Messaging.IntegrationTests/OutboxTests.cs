using Microsoft.EntityFrameworkCore;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

public sealed class OutboxTests : MessagingTestBase
{
    [Fact]
    public async Task Committed_event_reaches_the_consumer_with_the_outbox_row_id_as_message_id()
    {
        var host = await StartHostAsync();

        var eventId = (await WriteEventsAsync(host, 1)).Single();

        var effect = await Eventually.Until(
            () => QueryAsync(host, db => db.Effects.SingleOrDefaultAsync(e => e.EventId == eventId)),
            e => e is not null, Deadline, "the event's effect");
        var row = await QueryAsync(host, db => db.OutboxMessages.SingleAsync());
        Assert.Equal(row.Id, effect!.MessageId);
        await Eventually.Until(async () => await UndispatchedCountAsync(host) == 0, Deadline, "the row to be marked dispatched");
    }

    [Fact]
    public async Task Dispatcher_is_woken_by_the_commit_rather_than_by_polling()
    {
        // With a five-minute poll, only the commit signal can deliver within the deadline.
        var host = await StartHostAsync(new Dictionary<string, string?> { ["Messaging:PollInterval"] = "00:05:00" });
        await WriteEventsAsync(host, 1); // the first pass after start-up may still be running; this proves nothing yet
        await Eventually.Until(async () => await EffectCountAsync(host) == 1, Deadline, "the first event");

        await WriteEventsAsync(host, 3);

        await Eventually.Until(async () => await EffectCountAsync(host) == 4, TimeSpan.FromSeconds(10), "three more events without a poll");
    }

    [Fact]
    public async Task Events_of_a_rolled_back_transaction_are_never_published()
    {
        var host = await StartHostAsync();
        // A value the recording consumer applies like any other: were the event published, it would leave an effect.
        var rolledBack = new SomethingHappened { EventId = Guid.NewGuid(), Value = 1 };
        var rolledBackRow = await QueryAsync(host, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var row = Samverkan.ServiceDefaults.Messaging.Outbox.AddIntegrationEvent(db, rolledBack);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return row.Id;
        });

        // Committed after the rolled-back one, so a dispatcher that had the first would have sent it before this.
        var marker = (await WriteEventsAsync(host, 1)).Single();

        await Eventually.Until(async () => await EffectCountAsync(host) >= 1, Deadline, "the committed marker event");
        await Eventually.Until(async () => await UndispatchedCountAsync(host) == 0, Deadline, "the marker's row marked dispatched");
        var effects = await QueryAsync(host, db => db.Effects.Select(e => e.EventId).ToListAsync());
        Assert.Equal([marker], effects);
        Assert.False(host.ConsumeLog.Saw(rolledBackRow), "the rolled-back event reached the consumer");
        Assert.Equal(1, host.ConsumeLog.Total);
        Assert.Equal(1, await QueryAsync(host, db => db.OutboxMessages.CountAsync()));
    }
}
