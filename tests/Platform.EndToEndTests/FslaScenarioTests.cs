using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.Scenarios;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using Xunit.Abstractions;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// The FSLA scenario end to end: the loader enters 437 participants and 414 exits through the gateway as
/// the agencies would, and the owner's coordinator then reads the figures the final report published, in the summary,
/// the regional view and the cross-tables (<see cref="FslaCrossTables"/>).
/// Shares are compared after rounding to whole percent, as the report printed them.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FslaScenarioTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan ReportDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Reports_show_the_figures_the_FSLA_final_report_published()
    {
        using var api = new GatewayClient(new HttpClient { BaseAddress = platform.Platform.Gateway, Timeout = TimeSpan.FromSeconds(60) },
            platform.Platform.Tokens.TokenForAsync);
        var loaded = await new FslaLoader(api, new FslaLoaderOptions { Progress = new OutputWriter(output) }).LoadAsync();
        Assert.Equal(FslaPublished.Exited, loaded.Exits);

        using var coordinator = platform.ClientFor(Roles.Coordinator, loaded.OwnerActorId);
        var summaryPath = $"/api/reports/collaborations/{loaded.CollaborationId}/summary";
        var summary = await Eventually.Until(
            () => TryGetAsync(coordinator, summaryPath),
            s => s is { } r && Count(r.GetProperty("started"), "total") == FslaPublished.Started
                 && Count(r.GetProperty("exits").GetProperty("totals"), "total") == FslaPublished.Exited,
            ReportDeadline, "Reporting to count all 437 participants started and 414 exits");

        AssertStarted(summary!.Value);
        AssertMunicipalities(summary.Value, loaded.People);
        AssertExits(summary.Value);

        // The regional view for this collaboration: its own coordinator sees it exact.
        var regional = await Eventually.Until(
            () => TryGetAsync(coordinator, $"/api/reports/regional?collaboration={loaded.CollaborationId}"),
            r => r is { } v && Count(v.GetProperty("total").GetProperty("exited"), "total") == FslaPublished.Exited,
            ReportDeadline, "the regional view to count all 414 exits");
        AssertRegional(regional!.Value, loaded.People);

        // "49 procent … Om detta resultat jämförs med andra projekt under Socialfondens mål 2:3 … 34 procent."
        var comparison = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/collaborations/{loaded.CollaborationId}/comparison");
        AssertReferenceComparison(comparison);

        await FslaCrossTables.AssertAsync(coordinator, loaded.CollaborationId, ReportDeadline);
    }

    private static void AssertReferenceComparison(JsonElement comparison)
    {
        Assert.Equal("esf-programme-average", comparison.GetProperty("reference").GetString());
        var rows = comparison.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        foreach (var (key, reference, reached) in new[]
                 {
                     ("work", FslaPublished.ReferenceWorkPercent, FslaPublished.All.Work),
                     ("studies", FslaPublished.ReferenceEducationPercent, FslaPublished.All.Studies),
                     ("work-or-studies", FslaPublished.ReferenceWorkOrEducationPercent, FslaPublished.All.WorkOrStudies),
                 })
        {
            var row = rows[key];
            var percent = row.GetProperty("collaboration").GetProperty("total").GetProperty("percent").GetDecimal();
            Assert.Equal(reference, row.GetProperty("referencePercent").GetDecimal());
            Assert.Equal(reached, PublishedRounding.Percent(percent, isFraction: false));
            Assert.Equal(percent - reference, row.GetProperty("differencePoints").GetDecimal());
        }
    }

    private static void AssertStarted(JsonElement summary)
    {
        Assert.True(summary.GetProperty("exact").GetBoolean(), "the owner's coordinator sees exact counts");
        var started = summary.GetProperty("started");
        Assert.Equal(FslaPublished.Started, Count(started, "total"));
        Assert.Equal(FslaPublished.StartedWomen, Count(started, "women"));
        Assert.Equal(FslaPublished.StartedMen, Count(started, "men"));
    }

    private static void AssertMunicipalities(JsonElement summary, IReadOnlyList<FslaParticipant> people)
    {
        var rows = Table(summary, "municipality").ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(FslaMunicipalities.All.Select(m => m.Code).Order(), rows.Keys.Order());
        foreach (var m in FslaMunicipalities.All)
        {
            var row = rows[m.Code];
            Assert.Equal(people.In(m.Name).Count(), Count(row, "total"));
            Assert.Equal(people.In(m.Name).Of(Gender.Woman).Count(), Count(row, "women"));
        }
        foreach (var (name, started) in FslaPublished.StartedByMunicipality)
            Assert.True(started == Count(rows[Code(name)], "total"), $"{name}: {Count(rows[Code(name)], "total")} started, published {started}");
        foreach (var (name, percent) in FslaPublished.WomenPercentByMunicipality)
            Assert.Equal(percent, Percent(rows[Code(name)], "women"));
        foreach (var (name, percent) in FslaPublished.MenPercentByMunicipality)
            Assert.Equal(percent, Percent(rows[Code(name)], "men"));
    }

    private static void AssertExits(JsonElement summary)
    {
        var exits = summary.GetProperty("exits");
        var totals = exits.GetProperty("totals");
        Assert.Equal(FslaPublished.Exited, Count(totals, "total"));
        Assert.Equal(FslaPublished.ExitedWomen, Count(totals, "women"));
        Assert.Equal(FslaPublished.ExitedMen, Count(totals, "men"));
        Assert.Equal(FslaPublished.ExitedWomenPercent, PublishedRounding.Percent(Count(totals, "women"), Count(totals, "total")));
        Assert.Equal(FslaPublished.ExitedMenPercent, PublishedRounding.Percent(Count(totals, "men"), Count(totals, "total")));

        var rows = exits.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        foreach (var (column, published) in new[] { ("total", FslaPublished.All), ("men", FslaPublished.Men), ("women", FslaPublished.Women) })
        {
            int PercentOf(string key) => ExitPercent(rows[key], totals, column);
            Assert.True(published.Work == PercentOf("work"), $"{column}: work {PercentOf("work")} %, published {published.Work} %");
            Assert.True(published.Studies == PercentOf("studies"), $"{column}: studies {PercentOf("studies")} %, published {published.Studies} %");
            Assert.True(published.WorkOrStudies == PercentOf("work-or-studies"),
                $"{column}: work or studies {PercentOf("work-or-studies")} %, published {published.WorkOrStudies} %");
            if (published.Internship is { } internship)
                Assert.True(internship == PercentOf("internship"), $"{column}: internship {PercentOf("internship")} %, published {internship} %");
            if (published.JobSeeking is { } seeking)
                Assert.True(seeking == PercentOf("job-seeking"), $"{column}: job-seeking {PercentOf("job-seeking")} %, published {seeking} %");
        }
        // "work" is the three kinds of employment, and work or studies adds studies.
        Assert.Equal(Count(rows["employment"], "total") + Count(rows["subsidised-employment"], "total") + Count(rows["self-employment"], "total"),
            Count(rows["work"], "total"));
        Assert.Equal(Count(rows["work"], "total") + Count(rows["studies"], "total"), Count(rows["work-or-studies"], "total"));

        // Active: 437 started less 414 exited.
        Assert.Equal(FslaPublished.Started - FslaPublished.Exited, Count(summary.GetProperty("active"), "total"));

        // The target of 60 % to work or studies, against the 49 % reached.
        var target = summary.GetProperty("workOrStudiesAgainstTarget");
        Assert.Equal(FslaPublished.TargetWorkOrStudiesPercent, target.GetProperty("targetPercent").GetDecimal());
        Assert.Equal(FslaPublished.All.WorkOrStudies, PublishedRounding.Percent(target.GetProperty("actual").GetProperty("percent").GetDecimal(), isFraction: false));
        Assert.False(target.GetProperty("met").GetBoolean());
    }

    /// <summary>
    /// A row's share of that gender's exits in whole percent, from the counts (the report's own share has one
    /// decimal; rounding that again could differ, e.g. 5/13 = 38.46 → 38.5 → 39). The report's share is
    /// checked to be the same count's one-decimal share.
    /// </summary>
    private static int ExitPercent(JsonElement row, JsonElement totals, string column)
    {
        var count = Count(row, column);
        var denominator = Count(totals, column);
        var share = row.GetProperty("shares").GetProperty(column).GetProperty("percent").GetDecimal();
        Assert.Equal(Math.Round(100m * count / denominator, 1, MidpointRounding.AwayFromZero), share);
        return PublishedRounding.Percent(count, denominator);
    }

    private static void AssertRegional(JsonElement regional, IReadOnlyList<FslaParticipant> people)
    {
        Assert.True(regional.GetProperty("exact").GetBoolean(), "the owner's coordinator sees the collaboration's regional view exact");
        var byCode = regional.GetProperty("municipalities").EnumerateArray().ToDictionary(m => m.GetProperty("municipalityCode").GetString()!);
        Assert.Equal(FslaMunicipalities.All.Select(m => m.Code).Order(), byCode.Keys.Order());
        JsonElement M(string name) => byCode[Code(name)];

        foreach (var m in FslaMunicipalities.All)
        {
            var started = M(m.Name).GetProperty("started");
            Assert.Equal(people.In(m.Name).Count(), Count(started, "total"));
            Assert.Equal(people.In(m.Name).Of(Gender.Woman).Count(), Count(started, "women"));
            Assert.Equal(people.In(m.Name).Exited(), Count(M(m.Name).GetProperty("exited"), "total"));
            var womenShare = M(m.Name).GetProperty("startedShares").GetProperty("women").GetProperty("percent").GetDecimal();
            Assert.Equal(Math.Round(100m * Count(started, "women") / Count(started, "total"), 1, MidpointRounding.AwayFromZero), womenShare);
        }
        foreach (var (name, count) in FslaPublished.StartedByMunicipality)
            Assert.Equal(count, Count(M(name).GetProperty("started"), "total"));
        foreach (var (name, percent) in FslaPublished.WomenPercentByMunicipality)
            Assert.Equal(percent, Percent(M(name).GetProperty("started"), "women"));
        foreach (var (name, percent) in FslaPublished.MenPercentByMunicipality)
            Assert.Equal(percent, Percent(M(name).GetProperty("started"), "men"));

        Assert.Equal(FslaPublished.BorgholmExited, Count(M("Borgholm").GetProperty("exited"), "total"));
        Assert.Equal(FslaPublished.BorgholmWorkPercent, RegionalPercent(M("Borgholm"), "work", "total"));
        Assert.Equal(FslaPublished.VimmerbyExited, Count(M("Vimmerby").GetProperty("exited"), "total"));
        Assert.Equal(FslaPublished.VimmerbyStudiesPercent, RegionalPercent(M("Vimmerby"), "studies", "total"));
        Assert.Equal(FslaPublished.VastervikInternshipPercent, RegionalPercent(M("Västervik"), "internship", "total"));
        Assert.Equal(FslaPublished.NybroOtherAmongWomenPercent, RegionalPercent(M("Nybro"), "other", "women"));

        var total = regional.GetProperty("total");
        Assert.Equal(FslaPublished.Started, Count(total.GetProperty("started"), "total"));
        Assert.Equal(FslaPublished.Exited, Count(total.GetProperty("exited"), "total"));
        foreach (var (column, published) in new[] { ("total", FslaPublished.All), ("men", FslaPublished.Men), ("women", FslaPublished.Women) })
        {
            Assert.Equal(published.Work, RegionalPercent(total, "work", column));
            Assert.Equal(published.Studies, RegionalPercent(total, "studies", column));
            Assert.Equal(published.WorkOrStudies, RegionalPercent(total, "work-or-studies", column));
        }
    }

    /// <summary>An outcome group's share of a municipality's exits (one gender's or all), whole percent from the counts.</summary>
    private static int RegionalPercent(JsonElement municipality, string outcome, string column)
    {
        var row = municipality.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("key").GetString() == outcome);
        var count = Count(row.GetProperty("counts"), column);
        var exited = Count(municipality.GetProperty("exited"), column);
        Assert.Equal(Math.Round(100m * count / exited, 1, MidpointRounding.AwayFromZero),
            row.GetProperty("shares").GetProperty(column).GetProperty("percent").GetDecimal());
        return PublishedRounding.Percent(count, exited);
    }

    /// <summary>The report, or null while Reporting has not heard of the collaboration yet (404).</summary>
    internal static async Task<JsonElement?> TryGetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    internal static string Code(string municipality) => FslaMunicipalities.ByName(municipality).Code;

    private static IEnumerable<JsonElement> Table(JsonElement summary, string dimension) =>
        summary.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("dimension").GetString() == dimension)
            .GetProperty("rows").EnumerateArray();

    /// <summary>A cell's exact count; fails if it was suppressed.</summary>
    private static int Count(JsonElement row, string column) =>
        row.GetProperty(column).GetProperty("count").GetInt32();

    private static int Percent(JsonElement row, string column) =>
        PublishedRounding.Percent(Count(row, column), Count(row, "total"));

    /// <summary>The loader's progress in the test's output.</summary>
    private sealed class OutputWriter(ITestOutputHelper output) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void WriteLine(string? value) => output.WriteLine(value ?? "");
    }
}
