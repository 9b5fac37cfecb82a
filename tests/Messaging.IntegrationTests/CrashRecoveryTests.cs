using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samverkan.Testing;
using Xunit.Abstractions;

namespace Samverkan.Messaging.IntegrationTests;

public sealed class CrashRecoveryTests(ITestOutputHelper output) : MessagingTestBase
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

    /// <remarks>
    /// The dispatching service is a real process (<see cref="CrashChild"/>) killed with SIGKILL twice: once while its
    /// transaction holds a claimed batch, once when the broker has delivered rows that it had not yet marked dispatched
    /// (publishes in flight). This process consumes, so every delivery is counted, duplicates included.
    /// </remarks>
    [Fact]
    public async Task A_service_killed_while_a_batch_is_claimed_and_while_publishes_are_in_flight_delivers_every_event_exactly_once()
    {
        var consumer = await StartHostAsync(new Dictionary<string, string?> { ["Messaging:DispatcherEnabled"] = "false" });
        var rowIds = await WriteEventsTogetherAsync(consumer, 1500);

        var clock = Stopwatch.StartNew();
        using (var child = StartChild())
        {
            await WaitForChildAsync(child, () => BatchClaimedAsync(consumer), "the child to claim a batch");
            output.WriteLine($"{clock.Elapsed}: first claim");
            await child.KillAsync();
        }
        await Eventually.Until(async () => !await BatchClaimedAsync(consumer), Deadline, "the killed child's claim to be released");

        // The mark may commit between the probe and the kill: then this kill proved nothing, so try again (bounded).
        List<Guid> unmarked = [];
        for (var attempt = 0; attempt < 3 && unmarked.Count == 0; attempt++)
        {
            using (var child = StartChild())
            {
                await WaitForChildAsync(child, async () => (await DeliveredButUnmarkedAsync(consumer)).Count > 0,
                    "a delivered row whose batch is not yet marked dispatched");
                await child.KillAsync();
            }
            await Eventually.Until(async () => !await BatchClaimedAsync(consumer), Deadline, "the killed child's claim to be released");
            unmarked = await DeliveredButUnmarkedAsync(consumer);
            output.WriteLine($"{clock.Elapsed}: second kill, {unmarked.Count} delivered but unmarked");
        }
        Assert.NotEmpty(unmarked);
        Assert.True(await UndispatchedCountAsync(consumer) > 0, "the kills left work for the restarted service");

        using (var child = StartChild())
        {
            await Eventually.Until(async () => await UndispatchedCountAsync(consumer) == 0, TimeSpan.FromSeconds(60),
                "the restarted service to dispatch every row");
            output.WriteLine($"{clock.Elapsed}: all dispatched");
            await Eventually.Until(() => Task.FromResult(rowIds.All(consumer.ConsumeLog.Saw)), Deadline, "every message to be consumed");
            await Eventually.Until(() => Task.FromResult(unmarked.All(id => consumer.ConsumeLog.Count(id) >= 2)), Deadline,
                "the rows unmarked at the kill to be published again");
        }

        // Exactly once: one effect and one inbox row per event, although some were delivered twice.
        var effects = await QueryAsync(consumer, db => db.Effects.Select(e => e.MessageId).ToListAsync());
        Assert.Equal(rowIds.Order(), effects.Order());
        Assert.Equal(1500, await QueryAsync(consumer, db => db.InboxMessages.CountAsync()));
    }

    /// <summary>Includes the child's start-up, which on a loaded 2-core machine was seen to take 25 s.</summary>
    private static readonly TimeSpan ChildDeadline = TimeSpan.FromSeconds(60);

    private CrashChild.Handle StartChild() => CrashChild.Start(Infra.RabbitMqConnectionString, Database, Service);

    /// <summary>Polls tightly (the windows last milliseconds); fails at once, with its output, if the child died.</summary>
    private static async Task WaitForChildAsync(CrashChild.Handle child, Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (child.Process.HasExited)
                throw new InvalidOperationException($"The child exited ({child.Process.ExitCode}) before {what}:\n{child.Output}");
            if (clock.Elapsed > ChildDeadline)
                throw new TimeoutException($"Waited {ChildDeadline.TotalSeconds} s for {what}. Child output:\n{child.Output}");
            await Task.Delay(5);
        }
    }

    /// <summary>Another session holds outbox rows FOR UPDATE (a row-share lock on the table): a batch is claimed.</summary>
    private Task<bool> BatchClaimedAsync(MessagingHost host) => QueryAsync(host, db => db.Database.SqlQuery<bool>($"""
        SELECT EXISTS (SELECT 1 FROM pg_locks
                       WHERE relation = 'outbox_messages'::regclass AND mode = 'RowShareLock' AND pid <> pg_backend_pid()) AS "Value"
        """).SingleAsync());

    /// <summary>Rows this process has consumed whose outbox row is not marked dispatched.</summary>
    private async Task<List<Guid>> DeliveredButUnmarkedAsync(MessagingHost host)
    {
        var undispatched = await QueryAsync(host, db => db.OutboxMessages.Where(m => m.DispatchedAt == null).Select(m => m.Id).ToListAsync());
        return undispatched.Where(host.ConsumeLog.Saw).ToList();
    }
}
