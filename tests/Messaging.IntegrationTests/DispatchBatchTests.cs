using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>
/// One pass of the dispatcher, called directly on a host whose own dispatcher is off: what it returns, what it throws
/// and what it records per row. Found unguarded by mutation testing (bench/results/2026-12-03-mutation.md): the tests
/// that deliver through the running dispatcher pass whether or not a confirmed row's attempt is counted once, and a
/// failed publish happened only in the broker-restart test.
/// </summary>
public sealed class DispatchBatchTests : MessagingTestBase
{
    private async Task<(MessagingHost Host, OutboxDispatcher<TestDbContext> Dispatcher)> StartWithoutDispatcherAsync()
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["Messaging:DispatcherEnabled"] = "false" });
        var services = host.Services;
        var dispatcher = new OutboxDispatcher<TestDbContext>(services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IBus>(), services.GetRequiredService<OutboxSignal>(),
            services.GetRequiredService<IOptions<MessagingOptions>>(), NullLogger<OutboxDispatcher<TestDbContext>>.Instance);
        return (host, dispatcher);
    }

    private Task<Dictionary<Guid, OutboxMessage>> OutboxAsync(MessagingHost host) =>
        QueryAsync(host, db => db.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.Id));

    [Fact]
    public async Task A_pass_publishes_every_waiting_row_and_marks_each_dispatched_after_one_attempt()
    {
        var (host, dispatcher) = await StartWithoutDispatcherAsync();
        var rows = await WriteEventsTogetherAsync(host, 3);

        Assert.Equal(3, await dispatcher.DispatchBatchAsync(CancellationToken.None));

        var outbox = await OutboxAsync(host);
        Assert.Equal(rows.Order(), outbox.Keys.Order());
        Assert.All(outbox.Values, m => Assert.True(m.DispatchedAt is not null && m.Attempts == 1, $"dispatched {m.DispatchedAt}, attempts {m.Attempts}"));
        await Eventually.Until(async () => await EffectCountAsync(host) == 3, Deadline, "the three events' effects");
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(CancellationToken.None)); // nothing left to send
    }

    [Fact]
    public async Task A_row_that_cannot_be_published_waits_with_each_attempt_counted_and_fails_the_pass_while_the_others_go()
    {
        var (host, dispatcher) = await StartWithoutDispatcherAsync();
        var sent = await WriteEventsTogetherAsync(host, 2);
        // A contract type this process cannot load: its publish fails before it reaches the broker, as a publish the
        // broker never confirms does.
        const string type = "Samverkan.Nowhere.Gone, Samverkan.Nowhere";
        var stuck = await QueryAsync(host, async db =>
        {
            var row = new OutboxMessage { Id = NewId.NextSequentialGuid(), MessageType = type, Body = "{}", CreatedAt = DateTimeOffset.UtcNow };
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        var failure = await Assert.ThrowsAsync<OutboxDispatchException>(() => dispatcher.DispatchBatchAsync(CancellationToken.None));

        Assert.Equal($"1 of 3 outbox messages were not confirmed by the broker: Unknown message type '{type}' in the outbox.", failure.Message);
        var outbox = await OutboxAsync(host);
        Assert.True(outbox[stuck].DispatchedAt is null && outbox[stuck].Attempts == 1, $"dispatched {outbox[stuck].DispatchedAt}, attempts {outbox[stuck].Attempts}");
        Assert.All(sent, id => Assert.True(outbox[id].DispatchedAt is not null && outbox[id].Attempts == 1, $"dispatched {outbox[id].DispatchedAt}, attempts {outbox[id].Attempts}"));

        // The next pass tries it again (and only it) and counts again.
        failure = await Assert.ThrowsAsync<OutboxDispatchException>(() => dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.StartsWith("1 of 1 outbox messages", failure.Message);
        Assert.Equal(2, (await OutboxAsync(host))[stuck].Attempts);
    }
}
