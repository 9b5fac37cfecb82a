using System.Net;
using System.Net.Http.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>What most journeys through the gateway start from: an agency with a collaboration of its own, and a participant.</summary>
internal static class GatewayAgencies
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>An agency registered by the operator in Actors (and so known to Participants), owning a collaboration its coordinator made.</summary>
    public static async Task<(Guid Agency, Guid Collaboration)> AgencyWithCollaborationAsync(PlatformFixture platform, string name)
    {
        var created = await (await platform.ClientFor(Roles.Operator).PostAsJsonAsync("/api/actors", new
        {
            name, organisationNumber = TestNumbers.NewOrganisationNumber(), sector = "public", kind = "municipality",
        })).Json(HttpStatusCode.Created);
        var agency = created.GetProperty("id").GetGuid();
        var collaboration = await (await platform.ClientFor(Roles.Coordinator, agency).PostAsJsonAsync("/api/collaborations", new
        {
            name = $"Vägen till arbete {name}", purpose = "Fler i arbete eller studier", targetGroups = new[] { "long-term-unemployed" },
            geography = new[] { "0880" }, startDate = "2026-01-01", endDate = "2027-12-31",
            financing = new { source = "esf-plus", budget = 1_000_000 },
            targets = new { participants = new { total = 100, women = 50, men = 50 }, exitToWorkOrStudiesShare = 60 },
        })).Json(HttpStatusCode.Created);
        return (agency, collaboration.GetProperty("id").GetGuid());
    }

    /// <summary>
    /// A participant without a number (no test identity number travels through the platform here). Tried until
    /// Participants has consumed the collaboration and its owner's membership; a refused enrolment writes nothing.
    /// </summary>
    public static async Task<Guid> EnrolAsync(HttpClient client, Guid collaboration)
    {
        var body = new
        {
            collaborationId = collaboration, withoutNumber = "anonymous", gender = "woman", birthDate = "1990-05-05", municipalityCode = "0880",
            referralDate = "2026-01-05", targetGroups = new[] { "long-term-unemployed" }, benefitAtStart = "activity-support",
            labourMarketStatus = "long-term-unemployed", educationLevel = "upper-secondary-or-post-secondary", startDate = "2026-01-10",
        };
        var response = await Eventually.Until(() => client.PostAsJsonAsync("/api/participants", body), r => r.StatusCode != HttpStatusCode.BadRequest,
            Deadline, "Participants to know the agency and its collaboration");
        return (await response.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
