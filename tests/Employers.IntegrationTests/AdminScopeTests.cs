using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>An admin is its own agency's administrator, never another's; the platform operator keeps what is platform-wide.</summary>
public sealed class AdminScopeTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private sealed record OtherAgencysWork(Guid Agency, Guid Participant, Guid Pipeline);

    /// <summary>Agency B's participant with a profile and a placed pipeline in its pilot's caseload.</summary>
    private async Task<OtherAgencysWork> OtherAgencysWorkAsync()
    {
        var (employerId, employerActor, agency) = await factory.EmployerWithUserAsync();
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var offer = await staff.PublishOfferAsync(OfferBody(employerId, "7119"));
        var participant = await factory.MatchableParticipantAsync(agency, ProfileBody("7119"), employerActor);
        var proposed = await staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = participant, offerId = offer, proposedOn = "2026-01-05" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var pipeline = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new OtherAgencysWork(agency, participant, pipeline);
    }

    [Fact]
    public async Task An_admin_of_one_agency_cannot_read_or_write_another_agencys_participant_data()
    {
        var b = await OtherAgencysWorkAsync();
        var admin = factory.ClientFor(Roles.Admin, await factory.KnownActorAsync("Kalmar kommun"));
        var profile = $"/api/employers/matching-profiles/{b.Participant}";

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(profile)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{profile}/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync(profile, ProfileBody("5223"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/employers/pipelines/{b.Pipeline}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/employers/pipelines/{b.Pipeline}/support-contacts")).StatusCode);
        var indicators = await admin.GetFromJsonAsync<JsonElement>("/api/employers/pilots/indicators?from=2026-01-01&to=2026-12-31");
        Assert.DoesNotContain(indicators.GetProperty("pilots").EnumerateArray(), p => p.GetProperty("pilotActorId").GetGuid() == b.Agency);
    }

    [Fact]
    public async Task The_operator_sees_every_agencys_pilot_indicators()
    {
        var b = await OtherAgencysWorkAsync();
        var operatorClient = factory.ClientFor(Roles.Operator, Guid.NewGuid());

        var response = await operatorClient.GetAsync("/api/employers/pilots/indicators?from=2026-01-01&to=2026-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var indicators = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(indicators.GetProperty("pilots").EnumerateArray(), p => p.GetProperty("pilotActorId").GetGuid() == b.Agency);
    }
}
