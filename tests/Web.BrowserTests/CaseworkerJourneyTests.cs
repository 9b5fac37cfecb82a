using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Web.BrowserTests;

/// <summary>
/// The caseworker's workspace as a caseworker uses it, by keyboard-reachable links and forms in a real browser: logs in,
/// enrols a participant, adds a commitment to the joint action plan, records hours, and exits the participant. Every
/// page on the way has no serious accessibility violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseworkerJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_caseworker_logs_in_enrols_a_participant_adds_a_commitment_records_hours_and_exits_the_participant()
    {
        var agencyName = $"Journeykommun {Guid.NewGuid():N}"[..24];
        var agency = await browser.AgencyAsync(agencyName);
        var collaborationName = $"Vägen till arbete {agencyName}";
        await browser.CollaborationAsync(agency, collaborationName);
        var (_, email, password) = await browser.PersonAsync(Roles.Caseworker, agency, "Hedda Handläggare");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Logs in: the participant list.
        var page = await browser.SignedInPageAsync(email, password, "/handlaggare");
        var diagnostics = new PageDiagnostics(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deltagare", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page, "The caseworker's participant list");
        await BrowserFixture.ScreenshotAsync(page, "caseworker");

        // Enrols a participant (without a number: no identity number travels through the tests).
        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv in en deltagare" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Skriv in en deltagare", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page, "The enrolment form");
        await page.GetByLabel("Samverkan (obligatoriskt)").SelectOptionAsync(new SelectOptionValue { Label = $"{collaborationName} (2026-01-01 – 2027-12-31)" });
        await page.GetByLabel("Utan nummer").SelectOptionAsync("anonymous");
        await page.GetByLabel("Kön").SelectOptionAsync("woman");
        await page.GetByLabel("Födelsedatum").FillAsync("1990-05-05");
        await page.GetByLabel("Hemkommun, kommunkod (obligatoriskt)").FillAsync("0880");
        await page.GetByLabel("Långtidsarbetslösa").CheckAsync();
        await page.GetByLabel("Ersättning vid start (obligatoriskt)").SelectOptionAsync("activity-support");
        await page.GetByLabel("Ställning på arbetsmarknaden vid start (obligatoriskt)").SelectOptionAsync("long-term-unemployed");
        await page.GetByLabel("Högsta avslutade utbildning (obligatoriskt)").SelectOptionAsync("upper-secondary-or-post-secondary");
        // Participants learns of the collaboration from Actors' events: until then the API says so at the field, and the
        // form comes back with what was filled in, to be sent again.
        var deadline = DateTime.UtcNow + BrowserFixture.Deadline;
        while (true)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Skriv in" }).ClickAsync();
            var landed = page.GetByText("Deltagaren är inskriven.", new() { Exact = false });
            var refused = page.Locator("#fel-collaborationId, #fel-referringActorId");
            await Assertions.Expect(landed.Or(refused).First).ToBeVisibleAsync();
            if (await landed.IsVisibleAsync())
                break;
            Assert.True(DateTime.UtcNow < deadline, $"The enrolment was refused until the deadline: {await page.Locator("main").InnerTextAsync()}\n{diagnostics}");
            await Assertions.Expect(page.GetByLabel("Hemkommun, kommunkod (obligatoriskt)")).ToHaveValueAsync("0880");
        }
        Assert.Matches("/handlaggare/deltagare/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);
        await BrowserFixture.AssertAccessibleAsync(page, "The participant's overview");

        // Adds a commitment to the joint action plan.
        await page.GetByRole(AriaRole.Link, new() { Name = "Handlingsplan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lägg till åtagande" })).ToBeVisibleAsync();
        await page.GetByLabel("Ansvarig aktör").SelectOptionAsync(new SelectOptionValue { Label = agencyName });
        await page.GetByLabel("Spår").First.SelectOptionAsync("work");
        await page.GetByLabel("Klart senast").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Beskrivning").FillAsync("Arbetsträning i kommunens kök");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till åtagande" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Åtagandet är tillagt i handlingsplanen.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("Arbetsträning i kommunens kök");
        await BrowserFixture.AssertAccessibleAsync(page, "The joint action plan");

        // Records hours for this month.
        await page.GetByRole(AriaRole.Link, new() { Name = "Timmar" }).ClickAsync();
        await page.Locator($"#m{today:yyyy-MM}").FillAsync("6,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara timmar" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Timmarna är registrerade.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync("totalt 6,5");
        await BrowserFixture.AssertAccessibleAsync(page, "The hours grid");

        // Exits the participant.
        await page.GetByRole(AriaRole.Link, new() { Name = "Avslut och uppföljning" }).ClickAsync();
        await page.GetByLabel("Utfall").SelectOptionAsync("employment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta deltagaren" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Avslutet är registrerat.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Arbete");
        await BrowserFixture.AssertAccessibleAsync(page, "The exit and follow-ups");

        Assert.True(diagnostics.Errors.Count == 0, diagnostics.ToString());
    }
}
