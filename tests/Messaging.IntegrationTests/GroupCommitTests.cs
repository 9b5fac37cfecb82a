using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>The inbox's group commit: a burst shares transactions, yet every message keeps its own fate.</summary>
public sealed class GroupCommitTests : MessagingTestBase
{
    [Fact]
    public async Task A_burst_of_messages_shares_transactions_and_each_message_has_one_effect()
    {
        var host = await StartHostAsync();
        var bus = host.Services.GetRequiredService<IBus>();

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => bus.Publish(new SomethingHappened { EventId = Guid.NewGuid(), Value = i })));

        await Eventually.Until(() => EffectCountAsync(host), n => n >= 300, Deadline, "300 effects");
        Assert.Equal(300, await EffectCountAsync(host));
        Assert.Equal(300, await DistinctEffectCountAsync(host));
        // xmin is the id of the transaction that inserted the row: without group commit there would be 300.
        var transactions = await QueryAsync(host, db => db.Database
            .SqlQuery<int>($"SELECT count(DISTINCT xmin::text)::int AS \"Value\" FROM inbox_messages").SingleAsync());
        Assert.True(transactions < 300, $"{transactions} transactions for 300 messages: nothing was committed together");
    }

    [Fact]
    public async Task A_poison_message_in_a_burst_fails_alone_while_the_rest_are_applied()
    {
        var host = await StartHostAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var poison = new SomethingHappened { EventId = Guid.NewGuid(), Value = -1 };
        var good = Enumerable.Range(0, 100).Select(i => new SomethingHappened { EventId = Guid.NewGuid(), Value = i }).ToList();

        await Task.WhenAll(good.Take(50).Append(poison).Concat(good.Skip(50)).Select(m => bus.Publish(m)));

        var errorQueue = host.QueueOf<RecordingConsumer>() + "_error";
        await Eventually.Until(() => host.MessagesInQueueAsync(errorQueue), n => n == 1, Deadline, "the poison message in " + errorQueue);
        await Eventually.Until(() => DistinctEffectCountAsync(host), n => n >= 100, Deadline, "100 effects");
        // Exactly one effect per good message: a shared transaction that failed must leave nothing behind in the
        // retries of its members (a second row of the same event would be a duplicate effect).
        var effects = await QueryAsync(host, db => db.Effects.Select(e => e.EventId).ToListAsync());
        Assert.Equal(good.Select(m => m.EventId).Order(), effects.Order());
        Assert.Equal(0u, await host.MessagesInQueueAsync(host.QueueOf<RecordingConsumer>()));
    }
}
