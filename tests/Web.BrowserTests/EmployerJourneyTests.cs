using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Sweden;
using Samverkan.Testing;
using static Microsoft.Playwright.Assertions;

namespace Samverkan.Web.BrowserTests;

/// <summary>
/// The employer's workspace (Arbetsgivare) as an employer's person meets it: signs in, posts an offer, and sees the
/// candidates for it by pseudonym with the reasons for each match, never the name or personnummer of anyone enrolled.
/// The set-up is the platform's own chain: an agency and an employer organisation in Actors and the employer register,
/// participants enrolled with names and numbers by the agency's caseworker, their consent to be shown anonymously to
/// the employer, and their matching profiles.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EmployerJourneyTests(BrowserFixture browser)
{
    private const string EmployerName = "Nybro Lager AB";

    [Fact]
    public async Task An_employer_logs_in_posts_an_offer_and_sees_candidates_without_names()
    {
        var agency = await browser.AgencyAsync("Nybro kommun");
        var (_, employerActor) = await browser.EmployerAsync(agency, EmployerName);
        var enrolled = new[] { ("Astrid Lindqvist", Personnummer(new DateOnly(1988, 3, 12))), ("Bertil Öhman", Personnummer(new DateOnly(1975, 11, 2))) };
        var collaboration = await browser.CollaborationAsync(agency, "Vägen till arbete i Nybro", municipality: "0881");
        using var caseworker = browser.Platform.ClientFor(Roles.Caseworker, agency);
        var participantIds = new List<Guid>();
        foreach (var (name, number) in enrolled)
            participantIds.Add(await EnrolMatchableAsync(caseworker, collaboration, employerActor, name, number));
        var (_, email, password) = await browser.PersonAsync(Roles.Employer, employerActor, "Erik Arbetsgivare");

        // My organisation
        var page = await browser.SignedInPageAsync(email, password, "/arbetsgivare");
        var diagnostics = new PageDiagnostics(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Min organisation", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = EmployerName })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Nybro kommun"); // the agency owning the relationship
        await BrowserFixture.AssertAccessibleAsync(page, "Arbetsgivare: Min organisation");
        await BrowserFixture.ScreenshotAsync(page, "arbetsgivare");

        // Post an offer: first with nothing filled in, so the API's messages come back next to the fields
        await page.GetByRole(AriaRole.Link, new() { Name = "Lägg ut ett nytt erbjudande" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lägg ut ett erbjudande", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page, "Arbetsgivare: Nytt erbjudande");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg ut erbjudandet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Uppgifterna behöver rättas");
        await Expect(page.GetByLabel("Rubrik")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserFixture.AssertAccessibleAsync(page, "Arbetsgivare: Nytt erbjudande med fel");

        await page.GetByLabel("Typ av erbjudande").SelectOptionAsync("internship");
        await page.GetByLabel("Rubrik").FillAsync("Praktik på lagret");
        await page.GetByLabel("Yrke (SSYK 2012)").FillAsync("9333");
        await page.GetByLabel("Kommun där arbetet finns (kommunkod)").FillAsync("0881");
        await page.GetByLabel("Antal platser").FillAsync("2");
        await page.GetByLabel("Startdatum").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Timmar per vecka").FillAsync("37,5");
        await page.GetByLabel("Kompetenser").FillAsync("truckkort\nplock");
        await page.GetByLabel("Körkort krävs").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg ut erbjudandet" }).ClickAsync();
        // The form posts with Blazor's enhanced navigation: the address changes by the history API, so poll it.
        try
        {
            await Expect(page).ToHaveURLAsync(OfferPage());
        }
        catch (PlaywrightException e)
        {
            var said = await page.GetByRole(AriaRole.Alert).AllInnerTextsAsync();
            var fields = await page.Locator(".field-error").AllInnerTextsAsync();
            throw new InvalidOperationException($"The offer was not posted. The page says: {string.Join(" | ", said.Concat(fields))}\n{diagnostics}", e);
        }
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Erbjudandet är utlagt.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Praktik på lagret", Level = 1 })).ToBeVisibleAsync();
        var offerId = Guid.Parse(OfferPage().Match(page.Url).Groups["id"].Value);

        // The candidates: once the consents have reached Employers, both are listed by pseudonym with their reasons
        using var employerApi = browser.Platform.ClientFor(Roles.Employer, employerActor);
        await Eventually.Until(async () =>
            {
                var response = await employerApi.GetAsync($"/api/offers/{offerId}/candidates");
                return response.IsSuccessStatusCode
                       && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidates").GetArrayLength() >= enrolled.Length;
            }, BrowserFixture.Deadline, "the participants' consents and profiles to reach Employers");
        await page.ReloadAsync();
        var candidates = page.Locator("li.candidate");
        await Expect(candidates).ToHaveCountAsync(enrolled.Length);
        for (var i = 0; i < enrolled.Length; i++)
        {
            await Expect(candidates.Nth(i).GetByRole(AriaRole.Heading)).ToHaveTextAsync(new Regex("^Kandidat K-"));
            await Expect(candidates.Nth(i).Locator("table caption")).ToContainTextAsync("Skäl till matchningen");
            Assert.True(await candidates.Nth(i).Locator("tbody tr").CountAsync() > 0, "each candidate has its reasons");
        }
        var text = await page.Locator("body").InnerTextAsync();
        var html = await page.ContentAsync();
        foreach (var (name, number) in enrolled)
        {
            foreach (var part in name.Split(' ').Append(name))
            {
                Assert.DoesNotContain(part, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(part, html, StringComparison.OrdinalIgnoreCase);
            }
            foreach (var written in NumberFormats(number))
            {
                Assert.DoesNotContain(written, text);
                Assert.DoesNotContain(written, html);
            }
        }
        foreach (var id in participantIds)
            Assert.DoesNotContain(id.ToString(), html, StringComparison.OrdinalIgnoreCase);
        await BrowserFixture.AssertAccessibleAsync(page, "Arbetsgivare: Erbjudandet med kandidater");

        // Fill the offer by keyboard alone
        await page.GetByRole(AriaRole.Button, new() { Name = "Markera som tillsatt" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Erbjudandet är markerat som tillsatt.");
        await Expect(page.Locator("main dl.facts").First).ToContainTextAsync("Tillsatt"); // the offer's facts, before the candidates'
        await BrowserFixture.AssertAccessibleAsync(page, "Arbetsgivare: Erbjudandet tillsatt");

        // Back to my organisation: the offer is listed with its status in words
        await page.GetByRole(AriaRole.Link, new() { Name = "Min organisation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Praktik på lagret" })).ToContainTextAsync("Tillsatt");

        // The pipeline
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Arbetsgivare" }).GetByRole(AriaRole.Link, new() { Name = "Pipeline" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pipeline", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page, "Arbetsgivare: Pipeline");
        Assert.True(diagnostics.Errors.Count == 0, diagnostics.ToString());
    }

    [GeneratedRegex(@"/arbetsgivare/erbjudanden/(?<id>[0-9a-f-]{36})\?publicerat=1$")]
    private static partial Regex OfferPage();

    /// <summary>A valid personnummer (YYYYMMDD-NNNC) for the date, with a random serial: the Luhn digit over YYMMDDNNN.</summary>
    private static string Personnummer(DateOnly born)
    {
        var serial = Random.Shared.Next(100, 1000).ToString("D3");
        var body = born.ToString("yyMMdd") + serial;
        return $"{born:yyyyMMdd}-{serial}{Luhn.CheckDigit(body)}";
    }

    /// <summary>Every way a page might write the number: 19880312-1234, 880312-1234, 198803121234, 8803121234.</summary>
    private static IEnumerable<string> NumberFormats(string number)
    {
        var digits = number.Replace("-", "");
        return [number, number[2..], digits, digits[2..]];
    }

    /// <summary>
    /// Enrols a participant with name and personnummer, records their consent to an anonymous profile for the employer,
    /// and gives them a matching profile that fits the offer the journey posts; each step waits for the event it needs.
    /// </summary>
    private static async Task<Guid> EnrolMatchableAsync(HttpClient caseworker, Guid collaboration, Guid employerActor, string name, string number)
    {
        var enrolled = await Eventually.Until(() => caseworker.PostAsJsonAsync("/api/participants", new
            {
                collaborationId = collaboration, personalIdentityNumber = number, name, municipalityCode = "0881",
                referralDate = "2026-01-05", targetGroups = new[] { "long-term-unemployed" }, benefitAtStart = "activity-support",
                labourMarketStatus = "long-term-unemployed", educationLevel = "upper-secondary-or-post-secondary", startDate = "2026-01-10",
            }),
            r => r.StatusCode != HttpStatusCode.BadRequest, BrowserFixture.Deadline, "Participants to know the agency and its collaboration");
        var participant = (await ReadAsync(enrolled, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var consent = await Eventually.Until(() => caseworker.PostAsJsonAsync($"/api/participants/{participant}/consents", new
            {
                purpose = "anonymous-profile-to-employers", recipientActorId = employerActor, givenOn = "2026-01-12", method = "written",
            }),
            r => r.StatusCode != HttpStatusCode.BadRequest, BrowserFixture.Deadline, "Participants to know the employer's actor");
        await ReadAsync(consent, HttpStatusCode.Created);
        var profile = await Eventually.Until(() => caseworker.PutAsJsonAsync($"/api/employers/matching-profiles/{participant}", new
            {
                occupationCodes = new[] { "9333" }, skills = new[] { "truckkort" }, swedishLevel = "intermediate", municipalityCode = "0881",
                maxCommuteKm = 30, availableFrom = "2026-11-01", hoursPerWeek = 40, readiness = "ready", drivingLicence = true,
            }),
            r => r.StatusCode != HttpStatusCode.NotFound, BrowserFixture.Deadline, "Employers to know the enrolment");
        await ReadAsync(profile, HttpStatusCode.Created);
        return participant;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
