using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>An open offer, a matchable participant, and a pipeline placed on 2026-01-12 in <see cref="Agency"/>'s caseload.</summary>
public sealed record AuditWorld(Guid EmployerActor, Guid Agency, Guid Offer, Guid Participant, Guid Pipeline, HttpClient Staff)
{
    // One world per factory (each has its own database): each audit case breaks one request against it and changes nothing.
    private static readonly OncePerFixture<EmployersApiFactory, AuditWorld> Worlds = new(CreateAsync);

    public static Task<AuditWorld> For(EmployersApiFactory factory) => Worlds.For(factory);

    private static async Task<AuditWorld> CreateAsync(EmployersApiFactory factory)
    {
        var (employerId, employerActor, agency) = await factory.EmployerWithUserAsync();
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var offer = await staff.PublishOfferAsync(MatchingTestData.OfferBody(employerId, "7119"));
        var participant = await factory.MatchableParticipantAsync(agency, ProfileBody("7119"), employerActor);
        var proposed = await staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = participant, offerId = offer, proposedOn = "2026-01-05" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var pipeline = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var (stage, date) in new[] { ("presented-to-employer", "2026-01-06"), ("placed", "2026-01-12") })
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/employers/pipelines/{pipeline}/moves", new { stage, date })).StatusCode);
        return new AuditWorld(employerActor, agency, offer, participant, pipeline, staff);
    }
}
