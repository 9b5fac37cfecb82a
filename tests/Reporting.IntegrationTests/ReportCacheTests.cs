using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Participants;
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
    public async Task A_suppressed_viewer_never_receives_the_exact_report_cached_for_an_admin()
    {
        var (collaboration, owner) = await SmallCollaborationAsync();
        var admin = factory.ClientFor(Roles.Admin);
        var caseworker = factory.ClientFor(Roles.Caseworker);
        var ownCoordinator = factory.ClientFor(Roles.Coordinator, owner);
        var otherCoordinator = factory.ClientFor(Roles.Coordinator);
        foreach (var url in new[]
        {
            $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31",
            $"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31",
        })
        {
            // Exact first, so that it is what the cache holds when the others ask.
            Assert.Equal(3, WomenStarted(await admin.GetFromJsonAsync<JsonElement>(url)).GetProperty("count").GetInt32());
            foreach (var client in new[] { caseworker, otherCoordinator })
            {
                var suppressed = await client.GetFromJsonAsync<JsonElement>(url);
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
        var admin = factory.ClientFor(Roles.Admin);
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
    public async Task Regional_cells_carry_display_text_only_where_a_value_is_hidden()
    {
        var (collaboration, _) = await SmallCollaborationAsync();
        var suppressed = await factory.ClientFor(Roles.Caseworker).GetFromJsonAsync<JsonElement>($"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31");
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
