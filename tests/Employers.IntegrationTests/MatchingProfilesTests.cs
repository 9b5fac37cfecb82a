using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

public sealed class MatchingProfilesTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    [Fact]
    public async Task Staff_create_a_profile_owned_by_their_agency_normalised_and_not_matchable_without_consent()
    {
        var agency = await factory.KnownActorAsync();
        var participant = await factory.EnrolledParticipantAsync(agency);
        var staff = factory.ClientFor(Roles.Caseworker, agency);

        var response = await staff.PutAsJsonAsync($"/api/employers/matching-profiles/{participant}",
            ProfileBody("7119", skills: [" Truckkort ", "truckkort", "SVETS"], needs: ["Tyst rum"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(agency, body.GetProperty("ownerActorId").GetGuid());
        Assert.Equal(["svets", "truckkort"], body.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("tyst rum", body.GetProperty("adaptationsNeeded")[0].GetString());
        Assert.Equal("Kalmar", body.GetProperty("municipalityName").GetString());
        Assert.False(body.GetProperty("matchable").GetBoolean());

        await factory.GiveConsentAsync(participant);
        var read = await staff.GetFromJsonAsync<JsonElement>($"/api/employers/matching-profiles/{participant}");
        Assert.True(read.GetProperty("matchable").GetBoolean());
    }

    [Fact]
    public async Task Changing_a_profile_needs_the_own_agency_and_the_current_ETag()
    {
        var owner = await factory.KnownActorAsync();
        var other = await factory.KnownActorAsync("Kalmar kommun");
        var participant = await factory.EnrolledParticipantAsync(owner);
        var staff = factory.ClientFor(Roles.Caseworker, owner);
        var created = await staff.PutAsJsonAsync($"/api/employers/matching-profiles/{participant}", ProfileBody("7119"));
        var etag = created.Headers.ETag!.ToString();
        var path = $"/api/employers/matching-profiles/{participant}";

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await staff.PutAsJsonAsync(path, ProfileBody("5223"))).StatusCode);

        // Another agency does not reach the participant at all: 404, as for an id nobody enrolled (see ParticipantAccessTests).
        var otherAgency = factory.ClientFor(Roles.Caseworker, other);
        otherAgency.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.PutAsJsonAsync(path, ProfileBody("5223"))).StatusCode);

        staff.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", etag);
        var updated = await staff.PutAsJsonAsync(path, ProfileBody("5223"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("5223", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("occupationCodes")[0].GetString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await staff.PutAsJsonAsync(path, ProfileBody("7119"))).StatusCode);
    }

    [Fact]
    public async Task Bad_profiles_are_400_naming_the_field()
    {
        var staff = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var path = $"/api/employers/matching-profiles/{Guid.NewGuid()}";

        var badCode = await staff.PutAsJsonAsync(path, ProfileBody("71190"));
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Problems.AssertNamesField(await badCode.ProblemAsync(), "occupationCodes[0]");

        var badMunicipality = await staff.PutAsJsonAsync(path, ProfileBody("7119", municipality: "1299"));
        Assert.Equal(HttpStatusCode.BadRequest, badMunicipality.StatusCode);
        Problems.AssertNamesField(await badMunicipality.ProblemAsync(), "municipalityCode");

        var badReadiness = await staff.PutAsJsonAsync(path, ProfileBody("7119", readiness: "maybe"));
        Assert.Equal(HttpStatusCode.BadRequest, badReadiness.StatusCode);
    }

    [Fact]
    public async Task Employers_cannot_read_profiles_and_unknown_ones_are_404()
    {
        var agency = await factory.KnownActorAsync();
        var participant = await factory.EnrolledParticipantAsync(agency);
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        await staff.PutProfileAsync(participant, ProfileBody("7119"));

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer).GetAsync($"/api/employers/matching-profiles/{participant}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/employers/matching-profiles/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Updating_an_employer_publishes_EmployerUpdated()
    {
        var agency = await factory.KnownActorAsync();
        var employer = await factory.RegisterEmployerAsync(agency);
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var read = await staff.GetAsync($"/api/employers/{employer}");
        staff.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());

        var response = await staff.PutAsJsonAsync($"/api/employers/{employer}", new
        {
            name = "Kalmar Bygg och Mark AB", industryCode = "41200", municipalityCode = "0861", sizeBand = "medium", ownerActorId = agency,
            contacts = new[] { new { name = "Eva Ek", email = "eva@example.se" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = Assert.Single(await factory.OutboxBodiesAsync("EmployerUpdated"), b => b.Contains(employer.ToString()));
        var json = JsonDocument.Parse(updated).RootElement;
        Assert.Equal("Kalmar Bygg och Mark AB", json.GetProperty("name").GetString());
        Assert.Equal("0861", json.GetProperty("municipalityCode").GetString());
        Assert.Equal("medium", json.GetProperty("sizeBand").GetString());
        Assert.DoesNotContain("Eva Ek", updated);
    }
}
