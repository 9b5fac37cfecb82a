using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>Built reports are kept until the read models change, per viewer class: never stale, never too exact.</summary>
public sealed class ReportCacheTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    /// <summary>A collaboration of 3 women and 7 men in Borgholm (0885): the women's 3 is below the threshold.</summary>
    private async Task<(Guid Collaboration, Guid Owner)> SmallCollaborationAsync()
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await factory.PublishAllAsync([
            TestEvents.Created(collaboration, owner),
            .. Enumerable.Range(0, 3).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, "0885")),
            .. Enumerable.Range(0, 7).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man, "0885")),
        ]);
        return (collaboration, owner);
    }

    [Fact]
    public async Task A_suppressed_viewer_never_receives_the_exact_report_cached_for_the_operator()
    {
        var (collaboration, owner) = await SmallCollaborationAsync();
        var admin = factory.ClientFor(Roles.Operator);
        var ownCaseworker = factory.ClientFor(Roles.Caseworker, owner);
        var ownCoordinator = factory.ClientFor(Roles.Coordinator, owner);
        var otherCoordinator = factory.ClientFor(Roles.Coordinator);
        foreach (var (url, suppressedViews) in new[]
        {
            ($"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31",
                new[] { (ownCaseworker, ""), (otherCoordinator, $"/api/reports/published/collaborations/{collaboration}/summary?asOf=2026-12-31") }),
            ($"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31",
                new[] { (ownCoordinator, $"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31&publication=true") }),
        })
        {
            // Exact first, so that it is what the cache holds when the others ask.
            Assert.Equal(3, WomenStarted(await admin.GetFromJsonAsync<JsonElement>(url)).GetProperty("count").GetInt32());
            foreach (var (client, other) in suppressedViews)
            {
                var suppressed = await client.GetFromJsonAsync<JsonElement>(other == "" ? url : other);
                Assert.False(suppressed.GetProperty("exact").GetBoolean(), url);
                Assert.True(WomenStarted(suppressed).GetProperty("suppressed").GetBoolean(), url);
                Assert.False(WomenStarted(suppressed).TryGetProperty("count", out _), url);
            }
            var published = await admin.GetFromJsonAsync<JsonElement>(url + "&publication=true");
            Assert.True(WomenStarted(published).GetProperty("suppressed").GetBoolean(), url);
            Assert.Equal(3, WomenStarted(await ownCoordinator.GetFromJsonAsync<JsonElement>(url)).GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task A_report_asked_for_again_after_an_event_shows_the_event()
    {
        var (collaboration, owner) = await SmallCollaborationAsync();
        var admin = factory.ClientFor(Roles.Operator);
        var summary = $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31";
        var regional = $"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31";
        Assert.Equal(10, StartedTotal(await admin.GetFromJsonAsync<JsonElement>(summary)));
        Assert.Equal(10, StartedTotal(await admin.GetFromJsonAsync<JsonElement>(regional)));

        // Consumed means committed: no waiting for the cache to notice.
        await factory.PublishAllAsync([TestEvents.Enrolled(collaboration, owner, Gender.Woman, "0885")]);

        Assert.Equal(11, StartedTotal(await admin.GetFromJsonAsync<JsonElement>(summary)));
        Assert.Equal(11, StartedTotal(await admin.GetFromJsonAsync<JsonElement>(regional)));
    }

    [Fact]
    public async Task An_event_in_one_collaboration_leaves_another_collaborations_cached_summary_standing()
    {
        var (busy, busyOwner) = await SmallCollaborationAsync();
        var (quiet, quietOwner) = await SmallCollaborationAsync();
        var admin = factory.ClientFor(Roles.Operator);
        var quietSummary = $"/api/reports/collaborations/{quiet}/summary?asOf=2026-12-31";
        var allRegional = "/api/reports/regional?asOf=2026-12-31";
        Assert.Equal(10, StartedTotal(await admin.GetFromJsonAsync<JsonElement>(quietSummary)));
        var regionalBefore = StartedTotal(await admin.GetFromJsonAsync<JsonElement>(allRegional));
        // Changed behind the consumers' back, without raising a version: only a rebuilt report can show it.
        await AddStartedBehindTheConsumersBackAsync(quiet, 100);

        await factory.PublishAllAsync([TestEvents.Enrolled(busy, busyOwner, Gender.Woman, "0885")]);

        // Still the cached report: the event changed another collaboration's figures.
        Assert.Equal(10, StartedTotal(await admin.GetFromJsonAsync<JsonElement>(quietSummary)));
        // The view across all collaborations holds the event's collaboration: rebuilt, with exactly that one more (the
        // tests of this class run one at a time on the class's own database; the change behind the consumers' back is to
        // the collaboration totals, which the regional view does not read).
        Assert.Equal(regionalBefore + 1, StartedTotal(await admin.GetFromJsonAsync<JsonElement>(allRegional)));

        await factory.PublishAllAsync([TestEvents.Enrolled(quiet, quietOwner, Gender.Woman, "0885")]);

        Assert.Equal(10 + 100 + 1, StartedTotal(await admin.GetFromJsonAsync<JsonElement>(quietSummary)));
    }

    [Fact]
    public async Task A_renamed_actor_outdates_the_cached_summaries_that_name_it()
    {
        var referrer = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var registered = DateTimeOffset.UtcNow;
        await factory.PublishAllAsync([
            new ActorRegistered
            {
                ActorId = referrer, Name = "Arbetsförmedlingen Kalmar", OrganisationNumber = "2021005489", Sector = ActorSector.Public,
                Kind = ActorKind.EmploymentService, RegisteredAt = registered,
            },
            TestEvents.Created(collaboration, referrer),
            TestEvents.Enrolled(collaboration, referrer, Gender.Man),
        ]);
        var admin = factory.ClientFor(Roles.Operator);
        var summary = $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31";
        Assert.Equal("Arbetsförmedlingen Kalmar", ReferringActorLabel(await admin.GetFromJsonAsync<JsonElement>(summary)));

        await factory.PublishAllAsync([
            new ActorUpdated
            {
                ActorId = referrer, Name = "Arbetsförmedlingen Kalmar län", OrganisationNumber = "2021005489", Sector = ActorSector.Public,
                Kind = ActorKind.EmploymentService, UpdatedAt = registered.AddMinutes(1),
            },
        ]);

        Assert.Equal("Arbetsförmedlingen Kalmar län", ReferringActorLabel(await admin.GetFromJsonAsync<JsonElement>(summary)));
    }

    private async Task AddStartedBehindTheConsumersBackAsync(Guid collaboration, int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE participant_totals SET count = count + {count} WHERE collaboration_id = {collaboration} AND dimension = 'started' AND gender = {(int)Gender.Man}");
    }

    private static string? ReferringActorLabel(JsonElement summary) =>
        summary.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("dimension").GetString() == "referring-actor")
            .GetProperty("rows")[0].GetProperty("label").GetString();

    [Fact]
    public async Task Regional_cells_carry_display_text_only_where_a_value_is_hidden()
    {
        var (collaboration, owner) = await SmallCollaborationAsync();
        var suppressed = await factory.ClientFor(Roles.Coordinator, owner)
            .GetFromJsonAsync<JsonElement>($"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31&publication=true");
        var started = suppressed.GetProperty("total").GetProperty("started");

        var nonBinary = started.GetProperty("nonBinary"); // 0: shown, as a bare count
        Assert.Equal(0, nonBinary.GetProperty("count").GetInt32());
        Assert.False(nonBinary.TryGetProperty("display", out _));
        Assert.False(nonBinary.TryGetProperty("suppressed", out _));
        var women = started.GetProperty("women"); // 3: hidden
        Assert.False(women.TryGetProperty("count", out _));
        Assert.Equal("<5", women.GetProperty("display").GetString());
        Assert.True(women.GetProperty("suppressed").GetBoolean());
        var exitShare = suppressed.GetProperty("total").GetProperty("outcomes")[0].GetProperty("shares").GetProperty("total"); // no exits: absent
        Assert.False(exitShare.TryGetProperty("percent", out _));
        Assert.Equal("–", exitShare.GetProperty("display").GetString());
    }

    private static JsonElement WomenStarted(JsonElement report) =>
        report.TryGetProperty("total", out var total) ? total.GetProperty("started").GetProperty("women") : report.GetProperty("started").GetProperty("women");

    private static int StartedTotal(JsonElement report) =>
        (report.TryGetProperty("total", out var total) ? total : report).GetProperty("started").GetProperty("total").GetProperty("count").GetInt32();
}
