using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Scenarios;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// Cross-tables end to end, on the FSLA scenario <see cref="FslaScenarioTests"/> has entered through the gateway (one
/// load serves both): the owner's coordinator reads the municipality × gender cross-table, and municipality × outcome
/// asked both ways round, and finds the figures the final report published.
/// </summary>
internal static class FslaCrossTables
{
    public static async Task AssertAsync(HttpClient coordinator, Guid collaborationId, TimeSpan deadline)
    {
        var path = $"/api/reports/collaborations/{collaborationId}/cross-table?rows=municipality";
        var table = (await Eventually.Until(
            () => FslaScenarioTests.TryGetAsync(coordinator, path),
            t => t is { } v && Count(v.GetProperty("totals"), "started", "total") == FslaPublished.Started
                 && Count(v.GetProperty("totals"), "exited", "total") == FslaPublished.Exited,
            deadline, "the cross-table to count all 437 participants started and 414 exits"))!.Value;

        var totals = table.GetProperty("totals");
        Assert.Equal(FslaPublished.StartedWomen, Count(totals, "started", "women"));
        Assert.Equal(FslaPublished.StartedMen, Count(totals, "started", "men"));
        Assert.Equal(FslaPublished.ExitedWomen, Count(totals, "exited", "women"));
        Assert.Equal(FslaPublished.ExitedMen, Count(totals, "exited", "men"));
        Assert.Equal(FslaPublished.Started - FslaPublished.Exited, Count(totals, "active", "total"));
        var lines = table.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("rowKey").GetString()!);
        foreach (var (name, started) in FslaPublished.StartedByMunicipality)
            Assert.True(started == Count(lines[FslaScenarioTests.Code(name)], "started", "total"), $"{name}: {Count(lines[FslaScenarioTests.Code(name)], "started", "total")} started, published {started}");
        var borgholm = lines[FslaScenarioTests.Code("Borgholm")];
        Assert.Equal(FslaPublished.BorgholmExited, Count(borgholm, "exited", "total"));
        Assert.Equal(FslaPublished.BorgholmWorkPercent, PublishedRounding.Percent(Count(borgholm, "work", "total"), Count(borgholm, "exited", "total")));

        // The scenario's whole period in whole months gives the same exits; a pair asked either way round the same cells.
        // One page of the most lines a page holds: the pair has more lines than the 50 of a page by default.
        var period = await coordinator.GetFromJsonAsync<JsonElement>($"{path}&columns=outcome&from=2020-08-01&to=2022-12-31&pageSize=200");
        var swapped = await coordinator.GetFromJsonAsync<JsonElement>(
            $"/api/reports/collaborations/{collaborationId}/cross-table?rows=outcome&columns=municipality&from=2020-08-01&to=2022-12-31&pageSize=200");
        foreach (var t in new[] { period, swapped })
            Assert.Equal(t.GetProperty("lineCount").GetInt32(), t.GetProperty("lines").GetArrayLength());
        int ExitedIn(JsonElement t, string code, bool municipalityInColumns) => t.GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty(municipalityInColumns ? "columnKey" : "rowKey").GetString() == code).Sum(l => Count(l, "exited", "total"));
        Assert.Equal(FslaPublished.BorgholmExited, ExitedIn(period, FslaScenarioTests.Code("Borgholm"), municipalityInColumns: false));
        Assert.Equal(FslaPublished.BorgholmExited, ExitedIn(swapped, FslaScenarioTests.Code("Borgholm"), municipalityInColumns: true));
        Assert.Equal(FslaPublished.Exited, FslaMunicipalities.All.Sum(m => ExitedIn(swapped, m.Code, municipalityInColumns: true)));
    }

    /// <summary>A line's count of one measure in one gender column (women, men, nonBinary, total).</summary>
    private static int Count(JsonElement line, string measure, string column) =>
        line.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("key").GetString() == measure)
            .GetProperty(column).GetProperty("count").GetInt32();
}
