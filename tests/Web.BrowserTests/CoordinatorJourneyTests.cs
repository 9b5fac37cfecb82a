using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Web.BrowserTests;

/// <summary>
/// The coordinator's journey (the issue's): signs in, reads the collaboration's dashboard, downloads it as XLSX, and the
/// file holds the same figures as the page. The collaboration gets real figures through the APIs first: participants
/// enrolled by a caseworker, some exited with outcomes, counted by Reporting before the page is read.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorJourneyTests(BrowserFixture browser)
{
    private static readonly (string Gender, string? Outcome)[] Participants =
    [
        ("woman", "employment"), ("woman", "studies"), ("woman", null), ("woman", null), ("woman", "employment"),
        ("man", "employment"), ("man", null), ("non-binary", "job-seeking"),
    ];

    [Fact]
    public async Task A_coordinator_reads_the_dashboard_and_the_downloaded_XLSX_has_the_same_figures()
    {
        var (agency, email, password) = await browser.PersonAsync(Roles.Coordinator, name: "Cecilia Samordnare");
        using var coordinator = browser.Platform.ClientFor(Roles.Coordinator, agency);
        using var caseworker = browser.Platform.ClientFor(Roles.Caseworker, agency);
        var name = $"Vägen vidare {Guid.NewGuid().ToString("N")[..6]}";
        var collaboration = await browser.CollaborationAsync(agency, name, participants: 40);
        foreach (var (gender, outcome) in Participants)
        {
            var participant = await EnrolAsync(caseworker, collaboration, gender);
            if (outcome is not null)
                await ReadJsonAsync(await caseworker.PostAsJsonAsync($"/api/participants/{participant}/exit",
                    new { exitDate = "2026-03-31", outcome }), HttpStatusCode.Created, HttpStatusCode.OK);
        }
        var summary = await Eventually.Until(async () => await ReadJsonAsync(
                await coordinator.GetAsync($"/api/reports/collaborations/{collaboration}/summary"), HttpStatusCode.OK, HttpStatusCode.NotFound),
            s => s.ValueKind == JsonValueKind.Object && Count(s.GetProperty("started").GetProperty("total")) == Participants.Length
                 && Count(s.GetProperty("exits").GetProperty("totals").GetProperty("total")) == Participants.Count(p => p.Outcome is not null),
            TimeSpan.FromSeconds(60), "Reporting to count the participants and their exits");

        var page = await browser.SignedInPageAsync(email, password, "/samordnare");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Samordnare", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page, "The coordinator's collaborations");
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{name} – översikt", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal($"/samordnare/samverkan/{collaboration}", new Uri(page.Url).AbsolutePath);
        await BrowserFixture.ScreenshotAsync(page, "coordinator-dashboard");
        await BrowserFixture.AssertAccessibleAsync(page, "The collaboration's dashboard");

        var started = await PageRowsAsync(page, "Påbörjade deltagare per kön");
        var exits = await PageRowsAsync(page, "Avslut per utfall och kön");
        Assert.Equal(Participants.Count(p => p.Gender == "woman").ToString(CultureInfo.InvariantCulture), started[summary.GetProperty("started").GetProperty("label").GetString()!][0]);
        Assert.Equal(Participants.Length.ToString(CultureInfo.InvariantCulture), started[summary.GetProperty("started").GetProperty("label").GetString()!][3]);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Excel (XLSX) (sammanställningen)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"coordinator-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            using var workbook = new XLWorkbook(file);
            var rows = workbook.Worksheet(1).RowsUsed().Select(r => r.Cells(1, 6).Select(Text).ToList()).ToList();
            // The file's rows are [table, row, women, men, non-binary, total]; the page's tables hold the same rows.
            AssertSameFigures(rows, summary.GetProperty("started").GetProperty("label").GetString()!,
                started.Where(r => r.Key == summary.GetProperty("started").GetProperty("label").GetString()));
            AssertSameFigures(rows, summary.GetProperty("exits").GetProperty("label").GetString()!, exits);
        }
        finally
        {
            File.Delete(file);
        }

        foreach (var (path, heading) in new[]
                 {
                     ($"/samordnare/samverkan/{collaboration}/overenskommelser", $"{name} – överenskommelser"),
                     ($"/samordnare/samverkan/{collaboration}/styrning", "Styrningsvarningar"),
                     ($"/samordnare/samverkan/{collaboration}/halsa", "Samverkans hälsa"),
                     ("/samordnare/region", "Regional jämförelse per kommun"),
                 })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
            await BrowserFixture.AssertAccessibleAsync(page, heading);
        }
    }

    /// <summary>Every page row (label → women, men, non-binary, total) is a row of the file's table, figure for figure.</summary>
    private static void AssertSameFigures(List<List<string>> fileRows, string table, IEnumerable<KeyValuePair<string, string[]>> pageRows)
    {
        var checkedRows = 0;
        foreach (var (label, figures) in pageRows)
        {
            var row = fileRows.FirstOrDefault(r => r[0] == table && r[1] == label);
            Assert.True(row is not null, $"The XLSX has no row '{label}' in '{table}'. Its rows: {string.Join(" | ", fileRows.Select(r => string.Join(";", r)))}");
            Assert.Equal(figures, row[2..6]);
            checkedRows++;
        }
        Assert.True(checkedRows > 0, $"No rows of '{table}' on the page.");
    }

    /// <summary>The rows of the table captioned <paramref name="caption"/>: its row header → its cells' text as shown (no footnote mark).</summary>
    private static async Task<Dictionary<string, string[]>> PageRowsAsync(IPage page, string caption)
    {
        var table = page.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasTextString = caption }) }).First;
        await Assertions.Expect(table).ToBeVisibleAsync();
        var rows = new Dictionary<string, string[]>();
        foreach (var row in await table.Locator("tbody tr").AllAsync())
        {
            var label = (await row.Locator("th").InnerTextAsync()).Trim();
            var cells = (await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim().TrimEnd('*')).ToArray();
            rows[label] = cells;
        }
        return rows;
    }

    private static string Text(IXLCell cell) => cell.DataType == XLDataType.Number
        ? cell.GetDouble().ToString(CultureInfo.InvariantCulture)
        : cell.GetString();

    private static int? Count(JsonElement cell) =>
        cell.TryGetProperty("count", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : null;

    /// <summary>A participant without a number, tried until Participants has consumed the collaboration and its owner's membership.</summary>
    private static async Task<Guid> EnrolAsync(HttpClient caseworker, Guid collaboration, string gender)
    {
        var body = new
        {
            collaborationId = collaboration, withoutNumber = "anonymous", gender, birthDate = "1990-05-05", municipalityCode = "0880",
            referralDate = "2026-01-05", targetGroups = new[] { "long-term-unemployed" }, benefitAtStart = "activity-support",
            labourMarketStatus = "long-term-unemployed", educationLevel = "upper-secondary-or-post-secondary", startDate = "2026-01-10",
        };
        var response = await Eventually.Until(() => caseworker.PostAsJsonAsync("/api/participants", body),
            r => r.StatusCode != HttpStatusCode.BadRequest, BrowserFixture.Deadline, "Participants to know the agency and its collaboration");
        return (await ReadJsonAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!expected.Contains(response.StatusCode))
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: got {(int)response.StatusCode}: {text}");
        return text.Length == 0 || response.StatusCode == HttpStatusCode.NotFound ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
