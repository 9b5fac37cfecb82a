using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>The service checks tokens and ownership itself: employers never get in, other agencies see nothing.</summary>
public sealed class AuthorizationTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task No_token_is_401()
    {
        var response = await factory.CreateClient().EnrolAsync(new EnrolBody());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Employer_is_403_on_every_participants_endpoint()
    {
        var agency = await factory.KnownActorAsync();
        var id = await EnrolAsync(factory.ClientFor(Roles.Caseworker, agency), new EnrolBody());
        var employer = factory.ClientFor(Roles.Employer, agency);

        Assert.Equal(HttpStatusCode.Forbidden, (await employer.EnrolAsync(new EnrolBody())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/api/participants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/api/participants/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/api/participants/{id}?reason=matching")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/api/participants/audit?participantId={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/api/participants/actors")).StatusCode);
    }

    [Fact]
    public async Task Another_agencys_caseworker_gets_404_not_403()
    {
        var id = await EnrolAsync(factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync()), new EnrolBody());
        var otherAgency = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Försäkringskassan"));

        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.GetAsync($"/api/participants/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.GetAsync($"/api/participants/{id}?reason=curious")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgency.GetAsync($"/api/participants/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Another_agency_re_enrolling_the_same_person_gets_409_without_the_record()
    {
        var body = new EnrolBody { PersonalIdentityNumber = "121212-1212" };
        await EnrolAsync(factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync()), body);
        var other = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kommunen"));

        var response = await other.EnrolAsync(body);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("\"id\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Caseworker_may_not_name_another_agency_as_referring_actor()
    {
        var other = await factory.KnownActorAsync("Försäkringskassan");
        var response = await factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync())
            .EnrolAsync(new EnrolBody { ReferringActorId = other });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Admin_enrols_for_its_own_agency_and_reads_its_participants()
    {
        var referrer = await factory.KnownActorAsync();
        var admin = factory.ClientFor(Roles.Admin, referrer);
        var id = await EnrolAsync(admin, new EnrolBody { ReferringActorId = referrer });

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/participants/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Caseworker, referrer).GetAsync($"/api/participants/{id}")).StatusCode);
    }

    [Fact]
    public async Task Audit_log_is_for_admins_and_the_operator_only()
    {
        var agency = await factory.KnownActorAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Caseworker, agency).GetAsync("/api/participants/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Coordinator, agency).GetAsync("/api/participants/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Admin, agency).GetAsync("/api/participants/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Operator).GetAsync("/api/participants/audit")).StatusCode);
    }

    [Fact]
    public async Task The_list_holds_only_the_callers_own_agencys_participants_without_identifying_data()
    {
        var collaboration = Guid.NewGuid();
        var myAgency = await factory.KnownActorAsync();
        var mine = factory.ClientFor(Roles.Caseworker, myAgency);
        var theirs = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kommunen"));
        var own = await EnrolAsync(mine, new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = "811218-9876", Name = "Dora Lista" });
        var other = await EnrolAsync(theirs, new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = "121212-1212" });

        var response = await mine.GetAsync($"/api/participants?collaborationId={collaboration}");
        var text = await response.Content.ReadAsStringAsync();
        var ids = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        // The admin of the agency that owns the collaboration (the first to enrol in it made it known) sees both.
        var all = await factory.ClientFor(Roles.Admin, myAgency).GetFromJsonAsync<JsonElement>($"/api/participants?collaborationId={collaboration}");

        Assert.Equal([own], ids);
        Assert.DoesNotContain("9876", Ids.Without(text));
        Assert.DoesNotContain("Dora", text);
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Contains(all.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == other);
    }

    internal static async Task<Guid> EnrolAsync(HttpClient client, EnrolBody body)
    {
        var response = await client.EnrolAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
