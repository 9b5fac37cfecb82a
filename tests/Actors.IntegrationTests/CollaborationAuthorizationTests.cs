using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;
using static Samverkan.Actors.IntegrationTests.CollaborationTestData;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Admins and the owner's coordinators manage; members' staff read; others are told nothing; employers are refused.</summary>
public sealed class CollaborationAuthorizationTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Fact]
    public async Task Caseworker_of_a_member_agency_reads_it()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, _) = await factory.CreateCollaborationAsync(partner);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Caseworker, partner).GetAsync($"/api/collaborations/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Coordinator)]
    public async Task Staff_of_a_non_member_agency_get_404(string role)
    {
        var (id, _) = await factory.CreateCollaborationAsync();
        var outsider = await factory.RegisterActorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(role, outsider).GetAsync($"/api/collaborations/{id}")).StatusCode);
    }

    [Fact]
    public async Task Employers_get_403_even_for_their_own_agency_collaborations_and_the_list()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var employer = factory.ClientFor(Roles.Employer, owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/api/collaborations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/api/collaborations")).StatusCode);
    }

    [Fact]
    public async Task Caseworkers_cannot_create_collaborations_403()
    {
        var agency = await factory.RegisterActorAsync();
        var response = await factory.ClientFor(Roles.Caseworker, agency).PostAsJsonAsync("/api/collaborations", ValidPlan());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Coordinator_cannot_make_another_agency_the_owner_403()
    {
        var mine = await factory.RegisterActorAsync();
        var theirs = await factory.RegisterActorAsync();
        var body = ValidPlan();
        body["ownerActorId"] = theirs.ToString();
        var response = await factory.ClientFor(Roles.Coordinator, mine).PostAsJsonAsync("/api/collaborations", body);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Coordinator_of_a_partner_agency_cannot_update_403()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, _) = await factory.CreateCollaborationAsync(partner);
        var client = factory.ClientFor(Roles.Coordinator, partner);
        var etag = (await client.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag;

        var response = await client.SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), etag));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Coordinator_of_a_non_member_agency_cannot_update_and_learns_nothing_404()
    {
        var (id, _) = await factory.CreateCollaborationAsync();
        var outsider = await factory.RegisterActorAsync();
        var response = await factory.ClientFor(Roles.Coordinator, outsider).SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), "\"1\""));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_owners_admin_updates_the_collaboration()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var admin = factory.ClientFor(Roles.Admin, owner);
        var etag = (await admin.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), etag))).StatusCode);
    }

    [Fact]
    public async Task Partner_coordinator_cannot_add_members_403()
    {
        var partner = await factory.RegisterActorAsync();
        var newcomer = await factory.RegisterActorAsync();
        var (id, _) = await factory.CreateCollaborationAsync(partner);
        var response = await factory.ClientFor(Roles.Coordinator, partner)
            .PostAsJsonAsync($"/api/collaborations/{id}/members", new JsonObject { ["actorId"] = newcomer.ToString(), ["role"] = "partner" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
