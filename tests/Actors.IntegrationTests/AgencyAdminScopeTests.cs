using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;
using static Samverkan.Actors.IntegrationTests.CollaborationTestData;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>An agency's admin manages its own agency's actor, catalogue and collaborations, never another agency's.</summary>
public sealed class AgencyAdminScopeTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Fact]
    public async Task An_agency_admin_cannot_read_or_manage_a_collaboration_its_agency_is_not_in()
    {
        var (id, _) = await factory.CreateCollaborationAsync();
        var newcomer = await factory.RegisterActorAsync();
        var admin = factory.ClientFor(Roles.Admin, await factory.RegisterActorAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/collaborations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), "\"1\""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/collaborations/{id}/members",
            new JsonObject { ["actorId"] = newcomer.ToString(), ["role"] = "partner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/collaborations/{id}/agreements/delivery")).StatusCode);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/collaborations?pageSize=200");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_owners_admin_manages_its_collaboration()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var newcomer = await factory.RegisterActorAsync();
        var admin = factory.ClientFor(Roles.Admin, owner);

        var read = await admin.GetAsync($"/api/collaborations/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), read.Headers.ETag!.Tag))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/collaborations/{id}/members",
            new JsonObject { ["actorId"] = newcomer.ToString(), ["role"] = "partner" })).StatusCode);
    }

    [Fact]
    public async Task A_members_admin_reads_but_does_not_manage_the_collaboration()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, _) = await factory.CreateCollaborationAsync(partner);
        var admin = factory.ClientFor(Roles.Admin, partner);

        var read = await admin.GetAsync($"/api/collaborations/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), read.Headers.ETag!.Tag))).StatusCode);
    }

    [Fact]
    public async Task An_agency_admin_cannot_make_another_agency_own_a_collaboration()
    {
        var other = await factory.RegisterActorAsync();
        var body = ValidPlan();
        body["ownerActorId"] = other.ToString();

        var response = await factory.ClientFor(Roles.Admin, await factory.RegisterActorAsync()).PostAsJsonAsync("/api/collaborations", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_agency_admin_cannot_change_another_agencys_actor_or_catalogue()
    {
        var other = await factory.RegisterActorAsync();
        var admin = factory.ClientFor(Roles.Admin, await factory.RegisterActorAsync());
        var etag = (await admin.GetAsync($"/api/actors/{other}")).Headers.ETag!.Tag;
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/actors/{other}")
        {
            Content = JsonContent.Create(new { name = "Kapad", sector = "public", kind = "municipality", municipalityCode = "0880" }),
        };
        update.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse(etag));

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SendAsync(update)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/actors/{other}/interventions",
            new { name = "Praktik", category = "internship", eligibility = "Alla", openRegardlessOfBenefit = true })).StatusCode);
    }
}
