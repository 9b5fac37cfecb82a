using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

public sealed class CollaborationMembersTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private static JsonObject Member(Guid actorId, string role = "partner", string? joinedOn = "2026-03-01") =>
        new() { ["actorId"] = actorId.ToString(), ["role"] = role, ["joinedOn"] = joinedOn, ["goals"] = new JsonArray("20 praktikplatser") };

    [Fact]
    public async Task Added_member_reads_the_collaboration_and_MemberJoined_is_in_the_outbox()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var newcomer = await factory.RegisterActorAsync("Studieförbundet", "study-association", "civil-society");
        var coordinator = factory.ClientFor(Roles.Coordinator, owner);
        var etagBefore = (await coordinator.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag;

        var response = await coordinator.PostAsJsonAsync($"/api/collaborations/{id}/members", Member(newcomer, "strategic-only"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("strategic-only", member.GetProperty("role").GetString());
        Assert.Equal("20 praktikplatser", member.GetProperty("goals")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Caseworker, newcomer).GetAsync($"/api/collaborations/{id}")).StatusCode);
        Assert.NotEqual(etagBefore, (await coordinator.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag);
        Assert.Single(await factory.OutboxBodiesAsync("MemberJoined"), e => e.Contains(id.ToString()) && e.Contains(newcomer.ToString()));
    }

    [Fact]
    public async Task Adding_a_current_member_again_is_409()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        var response = await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync($"/api/collaborations/{id}/members", Member(partner));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await response.ProblemAsync();
    }

    [Theory]
    [InlineData("unknown-actor", "actorId")]
    [InlineData("owner-role", "role")]
    [InlineData("after-end", "joinedOn")]
    public async Task Bad_member_is_400_naming_the_field(string fault, string field)
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var actor = fault == "unknown-actor" ? Guid.NewGuid() : await factory.RegisterActorAsync();
        var body = Member(actor, fault == "owner-role" ? "owner" : "partner", fault == "after-end" ? "2028-01-01" : "2026-03-01");

        var response = await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync($"/api/collaborations/{id}/members", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }

    [Fact]
    public async Task Removing_a_member_sets_its_leave_date_keeps_history_and_ends_its_access()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        var coordinator = factory.ClientFor(Roles.Coordinator, owner);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");

        var response = await coordinator.DeleteAsync($"/api/collaborations/{id}/members/{partner}?leftOn={yesterday}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(yesterday, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leftOn").GetString());
        var collaboration = await coordinator.GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}");
        Assert.Contains(collaboration.GetProperty("members").EnumerateArray(),
            m => m.GetProperty("actorId").GetGuid() == partner && m.GetProperty("leftOn").GetString() == yesterday);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, partner).GetAsync($"/api/collaborations/{id}")).StatusCode);
        Assert.Single(await factory.OutboxBodiesAsync("MemberLeft"), e => e.Contains(id.ToString()) && e.Contains(partner.ToString()));

        // Left members may join again, as a new membership.
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/collaborations/{id}/members", Member(partner, joinedOn: null))).StatusCode);
    }

    [Fact]
    public async Task The_owner_cannot_leave_409()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var response = await factory.ClientFor(Roles.Coordinator, owner).DeleteAsync($"/api/collaborations/{id}/members/{owner}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Leaving_before_joining_is_400()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner); // joined on the start date, 2026-01-01
        var response = await factory.ClientFor(Roles.Coordinator, owner).DeleteAsync($"/api/collaborations/{id}/members/{partner}?leftOn=2025-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "leftOn");
    }

    [Fact]
    public async Task Removing_someone_who_is_not_a_member_is_404()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var response = await factory.ClientFor(Roles.Coordinator, owner).DeleteAsync($"/api/collaborations/{id}/members/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_member_states_its_own_goals_with_the_collaborations_etag()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, _) = await factory.CreateCollaborationAsync(partner);
        var client = factory.ClientFor(Roles.Coordinator, partner);
        var etag = (await client.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag;
        var goals = new JsonObject { ["goals"] = new JsonArray("30 remisser per år", "10 validerade yrkeskompetenser") };

        var response = await client.SendAsync(CollaborationTestData.Put($"/api/collaborations/{id}/members/{partner}/goals", goals, etag));
        var stale = await client.SendAsync(CollaborationTestData.Put($"/api/collaborations/{id}/members/{partner}/goals", goals, etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("goals").GetArrayLength());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task A_partner_cannot_state_another_members_goals_403()
    {
        var partner = await factory.RegisterActorAsync();
        var other = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner, other);
        var client = factory.ClientFor(Roles.Coordinator, partner);
        var etag = (await client.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag;
        var goals = new JsonObject { ["goals"] = new JsonArray("Något annat") };

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(CollaborationTestData.Put($"/api/collaborations/{id}/members/{other}/goals", goals, etag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(CollaborationTestData.Put($"/api/collaborations/{id}/members/{owner}/goals", goals, etag))).StatusCode);
    }

    [Fact]
    public async Task List_filters_by_covered_municipality()
    {
        var (id, owner) = await factory.CreateCollaborationAsync(); // covers 0880, 0881, 0882
        var client = factory.ClientFor(Roles.Coordinator, owner);

        var covered = await client.GetFromJsonAsync<JsonElement>("/api/collaborations?municipality=0881");
        var elsewhere = await client.GetFromJsonAsync<JsonElement>("/api/collaborations?municipality=0180");

        Assert.Contains(id, covered.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(0, elsewhere.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/collaborations?municipality=9999")).StatusCode);
    }
}
