using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Web.BrowserTests;

/// <summary>
/// Long work shows its progress: a caseworker sends a CSV file of 250 rows, which the page sends on in chunks, and
/// sees the count of rows done, the totals, and for the one bad row what must be corrected; the good rows are enrolled.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CsvEnrolmentTests(BrowserFixture browser)
{
    private const int Rows = 250;

    [Fact]
    public async Task A_CSV_file_is_enrolled_in_chunks_with_its_progress_and_each_rejected_row_named_with_its_reason()
    {
        var agency = await browser.AgencyAsync($"Filkommun {Guid.NewGuid():N}"[..20]);
        var collaboration = await browser.CollaborationAsync(agency, $"Fil {Guid.NewGuid():N}"[..12], participants: 300);
        var (_, email, password) = await browser.PersonAsync(Roles.Caseworker, agency, "Filip Fil");
        using var system = browser.Platform.ClientFor(Roles.Caseworker, agency);
        // Participants learns of the collaboration from Actors' events; until it has, every row would be refused. One row
        // sent by the agency's system until it is enrolled says it has.
        await Eventually.Until(async () =>
            {
                var response = await system.PostAsync("/api/participants/bulk", new StringContent(Csv(collaboration, 1, badRow: -1), Encoding.UTF8, "text/csv"));
                return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            },
            answer => answer.Contains("\"status\":\"created\"", StringComparison.Ordinal), BrowserFixture.Deadline, "Participants to know the collaboration");
        var before = await Enrolled(system, collaboration);

        var page = await browser.SignedInPageAsync(email, password, "/handlaggare/inskrivning/fil");
        var diagnostics = new PageDiagnostics(page);
        await BrowserFixture.AssertAccessibleAsync(page, "The CSV enrolment page");
        await page.GetByLabel("CSV-fil").SetInputFilesAsync(new FilePayload
        {
            Name = "deltagare.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv(collaboration, Rows, badRow: 117)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka filen" }).ClickAsync();

        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync($"Klart: rad {Rows} av {Rows}", new() { Timeout = 120_000 });
        var results = await page.Locator("main").InnerTextAsync();
        Assert.True(results.Contains($"{Rows - 1} inskrivna", StringComparison.Ordinal), results[..Math.Min(results.Length, 3000)]);
        await Assertions.Expect(status).ToContainTextAsync("1 avvisade");
        Assert.Equal(Rows.ToString(), await page.Locator("progress").GetAttributeAsync("value"));
        var rejected = page.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = "118" }) });
        await Assertions.Expect(rejected).ToContainTextAsync("Kommunkod"); // the field, in Swedish, with the API's reason
        await BrowserFixture.AssertAccessibleAsync(page, "The CSV enrolment's results");
        Assert.Equal(before + Rows - 1, await Enrolled(system, collaboration));
        Assert.True(diagnostics.Errors.Count == 0, diagnostics.ToString());
    }

    /// <summary>Rows without an identity number (none travels through the tests); <paramref name="badRow"/> (0-based) has an unknown municipality.</summary>
    private static string Csv(Guid collaboration, int rows, int badRow)
    {
        var csv = new StringBuilder("collaborationId,withoutNumber,gender,birthDate,municipalityCode,targetGroups,benefitAtStart,labourMarketStatus,educationLevel,referralDate,startDate\n");
        for (var i = 0; i < rows; i++)
            csv.Append($"{collaboration},anonymous,{(i % 2 == 0 ? "woman" : "man")},1990-05-05,{(i == badRow ? "9999" : "0880")},"
                       + "long-term-unemployed,activity-support,long-term-unemployed,upper-secondary-or-post-secondary,2026-02-01,2026-02-15\n");
        return csv.ToString();
    }

    private static async Task<int> Enrolled(HttpClient system, Guid collaboration) =>
        (await system.GetFromJsonAsync<JsonList>($"/api/participants?collaborationId={collaboration}&pageSize=1"))!.Total;

    private sealed record JsonList(List<System.Text.Json.JsonElement> Items, int Total);
}
