using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

public sealed class CrashRecoveryTests : MessagingTestBase
{
    [Fact]
    public async Task Events_committed_while_the_dispatcher_was_down_are_delivered_when_it_runs_again()
    {
        var crashed = await StartHostAsync(new Dictionary<string, string?> { ["Messaging:DispatcherEnabled"] = "false" });
        var ids = await WriteEventsAsync(crashed, 50);
        Assert.Equal(50, await UndispatchedCountAsync(crashed));
        await StopHostAsync(crashed);

        var restarted = await StartHostAsync();

        await Eventually.Until(async () => await EffectCountAsync(restarted) == 50, Deadline, "all 50 leftover events");
        await Eventually.Until(async () => await UndispatchedCountAsync(restarted) == 0, Deadline, "all rows marked dispatched");
        var applied = await QueryAsync(restarted, db => db.Effects.Select(e => e.EventId).ToListAsync());
        Assert.Equal(ids.Order(), applied.Order());
    }

    [Fact]
    public async Task A_crash_between_broker_confirm_and_marking_redelivers_without_a_second_effect()
    {
        var host = await StartHostAsync();
        await WriteEventsAsync(host, 20);
        await Eventually.Until(async () => await EffectCountAsync(host) == 20, Deadline, "the first delivery");
        await Eventually.Until(async () => await UndispatchedCountAsync(host) == 0, Deadline, "rows marked dispatched");
        await StopHostAsync(host);

        // As if the process died after the broker confirmed but before the rows were marked.
        var restarted = await StartHostAsync(new Dictionary<string, string?> { ["Messaging:DispatcherEnabled"] = "false" });
        var rowIds = await QueryAsync(restarted, db => db.OutboxMessages.Select(m => m.Id).ToListAsync());
        await QueryAsync(restarted, db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, (DateTimeOffset?)null)));
        await StopHostAsync(restarted);
        var recovered = await StartHostAsync();

        await Eventually.Until(() => Task.FromResult(rowIds.All(id => recovered.ConsumeLog.Count(id) == 1)),
            Deadline, "every message to be consumed again");
        await Eventually.Until(async () => await UndispatchedCountAsync(recovered) == 0, Deadline, "rows marked dispatched again");
        Assert.Equal(20, await EffectCountAsync(recovered));
        Assert.Equal(20, await QueryAsync(recovered, db => db.InboxMessages.CountAsync()));
    }
}
