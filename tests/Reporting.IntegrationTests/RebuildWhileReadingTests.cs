using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>A rebuild builds beside the live read models: reports keep answering, with the old figures, until it swaps.</summary>
public sealed class RebuildWhileReadingTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_report_requested_while_a_rebuild_holds_its_locks_answers_with_the_old_figures()
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await factory.PublishAllAsync([
            TestEvents.Created(collaboration, owner),
            .. Enumerable.Range(0, 7).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman)),
        ]);
        // Read models that went wrong (what a rebuild is for): the live totals say 107 started, the history 7.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE participant_totals SET count = count + 100 WHERE collaboration_id = {collaboration} AND dimension = 'started'");
            // Behind the consumers' back: announced as their changes are, so that no cached report outlives it.
            await ReadModelVersions.BumpAsync(db, [collaboration], Guid.NewGuid(), CancellationToken.None);
        }
        var indexesBefore = await IndexesAsync();
        var admin = factory.ClientFor(Roles.Operator);
        var url = $"/api/reports/collaborations/{collaboration}/summary";

        using var atSwap = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var rebuild = Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            await ReadModelRebuild.RebuildAsync(db, step =>
            {
                // Everything is rebuilt and every lock the rebuild takes before its swap is held: wait here.
                if (ReadModelRebuild.Steps[step] != "swap")
                    return;
                atSwap.Set();
                release.Wait(Deadline);
            });
        });
        try
        {
            Assert.True(atSwap.Wait(Deadline), "the rebuild to reach its swap");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var during = await admin.GetAsync(url, timeout.Token);
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);
            Assert.Equal(107, StartedTotal(await during.Content.ReadFromJsonAsync<JsonElement>()));
        }
        finally
        {
            release.Set();
        }
        await rebuild.WaitAsync(Deadline);

        var after = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(7, StartedTotal(after));
        // The swapped-in tables carry the live ones' constraints and indexes, by the names migrations refer to.
        Assert.Equal(indexesBefore, await IndexesAsync());
    }

    private async Task<List<string>> IndexesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var tables = ReadModelRebuild.ReadModelTables;
        return await db.Database.SqlQuery<string>($"""
            SELECT schemaname || ' ' || indexname || ' ' || replace(indexdef, schemaname || '.', '') AS "Value" FROM pg_indexes
            WHERE tablename = ANY({tables}) ORDER BY 1
            """).ToListAsync();
    }

    private static int StartedTotal(JsonElement summary) => summary.GetProperty("started").GetProperty("total").GetProperty("count").GetInt32();
}
