using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.Scenarios;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using Xunit.Abstractions;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// Cross-tables end to end: the FSLA scenario entered through the gateway as the agencies would (its own collaboration),
/// then the owner's coordinator reads the municipality × gender cross-table, and municipality × outcome asked both ways
/// round, and finds the figures the final report published.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrossTableGatewayTests(PlatformFixture platform, ITestOutputHelper output)
{
    private static readonly TimeSpan ReportDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task CrossTable_by_municipality_shows_the_FSLA_final_report_s_figures()
    {
        using var api = new GatewayClient(new HttpClient { BaseAddress = platform.Platform.Gateway, Timeout = TimeSpan.FromSeconds(60) },
            platform.Platform.Tokens.TokenForAsync);
        var loaded = await new FslaLoader(api, new FslaLoaderOptions { Progress = new OutputWriter(output) }).LoadAsync();

        using var coordinator = platform.ClientFor(Roles.Coordinator, loaded.OwnerActorId);
        var path = $"/api/reports/collaborations/{loaded.CollaborationId}/cross-table?rows=municipality";
        var table = (await Eventually.Until(
            () => TryGetAsync(coordinator, path),
            t => t is { } v && Count(v.GetProperty("totals"), "started", "total") == FslaPublished.Started
                 && Count(v.GetProperty("totals"), "exited", "total") == FslaPublished.Exited,
            ReportDeadline, "the cross-table to count all 437 participants started and 414 exits"))!.Value;

        var totals = table.GetProperty("totals");
        Assert.Equal(FslaPublished.StartedWomen, Count(totals, "started", "women"));
        Assert.Equal(FslaPublished.StartedMen, Count(totals, "started", "men"));
        Assert.Equal(FslaPublished.ExitedWomen, Count(totals, "exited", "women"));
        Assert.Equal(FslaPublished.ExitedMen, Count(totals, "exited", "men"));
        Assert.Equal(FslaPublished.Started - FslaPublished.Exited, Count(totals, "active", "total"));
        var lines = table.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("rowKey").GetString()!);
        foreach (var (name, started) in FslaPublished.StartedByMunicipality)
            Assert.True(started == Count(lines[Code(name)], "started", "total"), $"{name}: {Count(lines[Code(name)], "started", "total")} started, published {started}");
        var borgholm = lines[Code("Borgholm")];
        Assert.Equal(FslaPublished.BorgholmExited, Count(borgholm, "exited", "total"));
        Assert.Equal(FslaPublished.BorgholmWorkPercent, PublishedRounding.Percent(Count(borgholm, "work", "total"), Count(borgholm, "exited", "total")));

        // The scenario's whole period in whole months gives the same exits; a pair asked either way round the same cells.
        var period = await coordinator.GetFromJsonAsync<JsonElement>($"{path}&columns=outcome&from=2020-08-01&to=2022-12-31");
        var swapped = await coordinator.GetFromJsonAsync<JsonElement>(
            $"/api/reports/collaborations/{loaded.CollaborationId}/cross-table?rows=outcome&columns=municipality&from=2020-08-01&to=2022-12-31");
        int ExitedIn(JsonElement t, string code, bool municipalityInColumns) => t.GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty(municipalityInColumns ? "columnKey" : "rowKey").GetString() == code).Sum(l => Count(l, "exited", "total"));
        Assert.Equal(FslaPublished.BorgholmExited, ExitedIn(period, Code("Borgholm"), municipalityInColumns: false));
        Assert.Equal(FslaPublished.BorgholmExited, ExitedIn(swapped, Code("Borgholm"), municipalityInColumns: true));
        Assert.Equal(FslaPublished.Exited, FslaMunicipalities.All.Sum(m => ExitedIn(swapped, m.Code, municipalityInColumns: true)));
    }

    /// <summary>The report, or null while Reporting has not heard of the collaboration yet (404).</summary>
    private static async Task<JsonElement?> TryGetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private static string Code(string municipality) => FslaMunicipalities.ByName(municipality).Code;

    /// <summary>A line's count of one measure in one gender column (women, men, nonBinary, total).</summary>
    private static int Count(JsonElement line, string measure, string column) =>
        line.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("key").GetString() == measure)
            .GetProperty(column).GetProperty("count").GetInt32();

    /// <summary>The loader's progress in the test's output.</summary>
    private sealed class OutputWriter(ITestOutputHelper output) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void WriteLine(string? value) => output.WriteLine(value ?? "");
    }
}
