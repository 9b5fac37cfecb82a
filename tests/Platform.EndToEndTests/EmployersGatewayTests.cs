using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// Matching through the gateway with the real chain behind it: actors from Actors, an enrolment and a consent
/// in Participants, the consent carried to Employers on the broker, and the employer's own token.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EmployersGatewayTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task An_employer_posts_an_offer_through_the_gateway_and_gets_ranked_pseudonymous_candidates()
    {
        var (agency, staff, collaboration) = await AgencyAsync("Emmaboda kommun");
        var (employerId, employerActor) = await EmployerAsync(agency, "Emmaboda Bygg AB");
        var participant = await EnrolAsync(staff, collaboration);
        await Eventually.Until(async () => (await staff.PostAsJsonAsync($"/api/participants/{participant}/consents", new
            {
                purpose = "anonymous-profile-to-employers", recipientActorId = employerActor, givenOn = "2026-01-12", method = "written",
            })).StatusCode == HttpStatusCode.Created, Deadline, "Participants to know the employer actor and record the consent");
        // Employers accepts the profile from the participant's own agency once ParticipantEnrolled has reached it (404 before).
        var profile = await Eventually.Until(() => staff.PutAsJsonAsync($"/api/employers/matching-profiles/{participant}", new
            {
                occupationCodes = new[] { "7119" }, skills = new[] { "truckkort" }, swedishLevel = "intermediate", municipalityCode = "0880",
                maxCommuteKm = 30, availableFrom = "2026-11-01", hoursPerWeek = 40, readiness = "ready", drivingLicence = true,
            }),
            r => r.StatusCode != HttpStatusCode.NotFound, Deadline, "Employers to know the enrolment");
        Assert.Equal(HttpStatusCode.Created, profile.StatusCode);
        var employer = platform.ClientFor(Roles.Employer, employerActor);

        var offer = await (await employer.PostAsJsonAsync("/api/offers", new
        {
            kind = "internship", occupationCode = "7119", title = "Praktik på bygget", municipalityCode = "0880", places = 1,
            startDate = "2026-12-01", hoursPerWeek = 40, requirements = new { skills = new[] { "truckkort" }, drivingLicence = true },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var offerId = offer.GetProperty("id").GetGuid();
        Assert.Equal(employerId, offer.GetProperty("employerId").GetGuid());

        var path = $"/api/offers/{offerId}/candidates?top=20";
        await Eventually.Until(async () => (await (await staff.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("candidates")
            .EnumerateArray().Any(c => c.GetProperty("participantId").GetGuid() == participant), Deadline, "the consent to reach Employers");
        var response = await employer.GetAsync(path);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(participant.ToString(), raw);
        var candidates = JsonDocument.Parse(raw).RootElement.GetProperty("candidates").EnumerateArray().ToList();
        Assert.NotEmpty(candidates);
        Assert.Equal(Enumerable.Range(1, candidates.Count), candidates.Select(c => c.GetProperty("rank").GetInt32()));
        var scores = candidates.Select(c => c.GetProperty("score").GetInt32()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(candidates, c => Assert.StartsWith("K-", c.GetProperty("pseudonym").GetString()));
        Assert.All(candidates, c => Assert.NotEmpty(c.GetProperty("reasons").EnumerateArray()));
    }

    [Fact]
    public async Task Another_employer_is_refused_the_offer_and_its_candidates()
    {
        var (agency, _, _) = await AgencyAsync("Lessebo kommun");
        var (_, mine) = await EmployerAsync(agency, "Lessebo Glas AB");
        var (_, theirs) = await EmployerAsync(agency, "Lessebo Trä AB");
        var offer = (await (await platform.ClientFor(Roles.Employer, mine).PostAsJsonAsync("/api/offers", new
        {
            kind = "job", occupationCode = "8211", title = "Montör", municipalityCode = "0761", places = 1, startDate = "2026-12-01", hoursPerWeek = 40,
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = platform.ClientFor(Roles.Employer, theirs);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/offers/{offer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/offers/{offer}/candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.ClientFor(Roles.Employer, mine).GetAsync($"/api/offers/{offer}/candidates")).StatusCode);
    }

    /// <summary>An agency registered in Actors, owning a collaboration, with a caseworker's client.</summary>
    private async Task<(Guid Agency, HttpClient Staff, Guid Collaboration)> AgencyAsync(string name)
    {
        var agency = await RegisterActorAsync(name, "public", "municipality");
        var collaboration = await (await platform.ClientFor(Roles.Coordinator, agency).PostAsJsonAsync("/api/collaborations", new
        {
            name = $"Matchning {name}", purpose = "Fler i arbete", targetGroups = new[] { "long-term-unemployed" },
            geography = new[] { "0880" }, startDate = "2026-01-01", endDate = "2027-12-31",
            financing = new { source = "esf-plus", budget = 1_000_000 },
            targets = new { participants = new { total = 100, women = 50, men = 50 }, exitToWorkOrStudiesShare = 60 },
        })).ReadJsonAsync(HttpStatusCode.Created);
        return (agency, platform.ClientFor(Roles.Caseworker, agency), collaboration.GetProperty("id").GetGuid());
    }

    /// <summary>
    /// An employer organisation registered as an actor and in the employer register, linked so its users' tokens find it
    /// (by the owning agency's coordinator: a caseworker may not link a login).
    /// </summary>
    private async Task<(Guid EmployerId, Guid EmployerActor)> EmployerAsync(Guid agency, string name)
    {
        var actor = await RegisterActorAsync(name, "business", "employer");
        var coordinator = platform.ClientFor(Roles.Coordinator, agency);
        var registered = await Eventually.Until(() => coordinator.PostAsJsonAsync("/api/employers", new
            {
                organisationNumber = TestNumbers.NewOrganisationNumber(), name, industryCode = "41200", municipalityCode = "0880",
                sizeBand = "small", ownerActorId = agency, actorId = actor,
            }),
            r => r.StatusCode != HttpStatusCode.BadRequest, Deadline, "Employers to know both actors");
        return ((await registered.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid(), actor);
    }

    private async Task<Guid> RegisterActorAsync(string name, string sector, string kind) =>
        (await (await platform.ClientFor(Roles.Admin).PostAsJsonAsync("/api/actors", new
        {
            name, organisationNumber = TestNumbers.NewOrganisationNumber(), sector, kind,
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>An anonymous participant (no identity number travels here), tried until Participants knows the collaboration.</summary>
    private static async Task<Guid> EnrolAsync(HttpClient staff, Guid collaboration)
    {
        var body = new
        {
            collaborationId = collaboration, withoutNumber = "anonymous", gender = "woman", birthDate = "1990-05-05", municipalityCode = "0880",
            referralDate = "2026-01-05", targetGroups = new[] { "long-term-unemployed" }, benefitAtStart = "activity-support",
            labourMarketStatus = "long-term-unemployed", educationLevel = "upper-secondary-or-post-secondary", startDate = "2026-01-10",
        };
        var response = await Eventually.Until(() => staff.PostAsJsonAsync("/api/participants", body),
            r => r.StatusCode != HttpStatusCode.BadRequest, Deadline, "Participants to know the agency and its collaboration");
        return (await response.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}

internal static class EmployersGatewayResponses
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
