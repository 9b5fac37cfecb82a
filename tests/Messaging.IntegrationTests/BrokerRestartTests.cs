using Microsoft.EntityFrameworkCore;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

public sealed class BrokerRestartTests : MessagingTestBase
{
    [Fact]
    public async Task Thousand_events_written_across_a_broker_restart_all_arrive_with_one_effect_each()
    {
        var host = await StartHostAsync();
        var ids = new List<Guid>();

        ids.AddRange(await WriteEventsAsync(host, 300));
        await Infra.Broker.StopAsync();
        try
        {
            ids.AddRange(await WriteEventsAsync(host, 400)); // the database takes them while the broker is away
        }
        finally
        {
            await Infra.Broker.StartAsync();
        }
        ids.AddRange(await WriteEventsAsync(host, 300));

        await Eventually.Until(async () => await DistinctEffectCountAsync(host) == 1000, TimeSpan.FromMinutes(2), "all 1,000 events");
        await Eventually.Until(async () => await UndispatchedCountAsync(host) == 0, Deadline, "every row marked dispatched");
        Assert.Equal(1000, await EffectCountAsync(host)); // none applied twice
        // The dispatcher really met the outage: some rows took more than one attempt (a confirmed first try counts 1).
        Assert.True(await QueryAsync(host, db => db.OutboxMessages.AnyAsync(m => m.Attempts > 1)), "no row needed a second attempt");
        var applied = await QueryAsync(host, db => db.Effects.Select(e => e.EventId).ToListAsync());
        Assert.Equal(ids.Order(), applied.Order());
    }
}
