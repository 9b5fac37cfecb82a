using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Actors.IntegrationTests.CollaborationTestData;

namespace Samverkan.Actors.IntegrationTests;

public sealed class CollaborationsTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Fact]
    public async Task Coordinator_creates_a_collaboration_owned_by_their_agency_and_the_events_are_in_the_outbox()
    {
        var partner = await factory.RegisterActorAsync("Arbetsförmedlingen Kalmar", "employment-service");
        var (id, owner) = await factory.CreateCollaborationAsync(partner);

        var read = await factory.ClientFor(Roles.Coordinator, owner).GetAsync($"/api/collaborations/{id}");
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        Assert.Equal(owner, body.GetProperty("ownerActorId").GetGuid());
        Assert.Equal(["long-term-unemployed", "young"], body.GetProperty("targetGroups").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("esf-plus", body.GetProperty("financing").GetProperty("source").GetString());
        Assert.Equal(437, body.GetProperty("targets").GetProperty("participants").GetProperty("total").GetInt32());
        var members = body.GetProperty("members").EnumerateArray().ToList();
        Assert.Contains(members, m => m.GetProperty("actorId").GetGuid() == owner && m.GetProperty("role").GetString() == "owner"
                                      && m.GetProperty("goals")[0].GetString() == "50 deltagare i arbete");
        Assert.Contains(members, m => m.GetProperty("actorId").GetGuid() == partner && m.GetProperty("role").GetString() == "partner");

        Assert.Single(await factory.OutboxBodiesAsync("CollaborationCreated"), e => e.Contains(id.ToString()));
        var joined = (await factory.OutboxBodiesAsync("MemberJoined")).Where(e => e.Contains(id.ToString())).ToList();
        Assert.Equal(2, joined.Count);
    }

    [Fact]
    public async Task An_admin_may_name_its_own_agency_as_owner()
    {
        var owner = await factory.RegisterActorAsync("Samordningsförbundet", "coordination-association");
        var body = ValidPlan();
        body["ownerActorId"] = owner.ToString();

        var response = await factory.ClientFor(Roles.Admin, owner).PostAsJsonAsync("/api/collaborations", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(owner, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerActorId").GetGuid());
    }

    [Fact]
    public async Task Owner_must_be_a_registered_actor()
    {
        var response = await factory.ClientFor(Roles.Coordinator, Guid.NewGuid()).PostAsJsonAsync("/api/collaborations", ValidPlan());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "ownerActorId");
    }

    public static TheoryData<string, string, string> BadPlans => new()
    {
        // mutation (JSON path = replacement), field that must be named
        { "targets.indicators.0.targetValue", "null", "targets.indicators[0].targetValue" },
        { "targets.indicators.0.unit", "null", "targets.indicators[0].unit" },
        { "targets.exitToWorkOrStudiesShare", "120", "targets.exitToWorkOrStudiesShare" },
        { "targets.participants.men", "null", "targets.participants.men" },
        { "endDate", "\"2025-12-31\"", "endDate" },
        { "financing.budget", "-1", "financing.budget" },
        { "geography", "[\"0880\", \"9999\"]", "geography" },
        { "targetGroups", "[]", "targetGroups" },
        { "targetGroups", "[\"pensioners\"]", "targetGroups[0]" },
        { "name", "null", "name" },
        { "financing.source", "\"lottery\"", "financing.source" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task Bad_plan_is_400_naming_the_field(string path, string replacement, string field)
    {
        var owner = await factory.RegisterActorAsync();
        var body = ValidPlan();
        Set(body, path, JsonNode.Parse(replacement));

        var response = await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync("/api/collaborations", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }

    [Fact]
    public async Task An_impossible_date_is_400()
    {
        var owner = await factory.RegisterActorAsync();
        var json = ValidPlan().ToJsonString().Replace("2027-12-31", "2027-02-30");
        var response = await factory.ClientFor(Roles.Coordinator, owner)
            .PostAsync("/api/collaborations", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "endDate");
    }

    [Fact]
    public async Task Owner_coordinator_updates_with_if_match_and_CollaborationUpdated_is_in_the_outbox()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var etag = (await client.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag;
        var body = ValidPlan();
        body["name"] = "Nytt namn";
        Set(body, "targets.exitToWorkOrStudiesShare", JsonValue.Create(65));

        var response = await client.SendAsync(Put($"/api/collaborations/{id}", body, etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        Assert.Equal("Nytt namn", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Single(await factory.OutboxBodiesAsync("CollaborationUpdated"), e => e.Contains(id.ToString()));
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_412_and_without_one_428()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var etag = (await client.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), etag))).StatusCode);

        var stale = await client.SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), etag));
        var missing = await client.SendAsync(Put($"/api/collaborations/{id}", ValidPlan(), null));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        await stale.ProblemAsync();
    }

    [Fact]
    public async Task Two_concurrent_updates_from_the_same_version_one_wins_one_gets_412()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var created = await client.GetAsync($"/api/collaborations/{id}");
        var etag = created.Headers.ETag!.Tag;
        var first = ValidPlan();
        first["name"] = "A";
        var second = ValidPlan();
        second["name"] = "B";

        var responses = await Task.WhenAll(
            client.SendAsync(Put($"/api/collaborations/{id}", first, etag)),
            client.SendAsync(Put($"/api/collaborations/{id}", second, etag)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task Created_collaboration_carries_its_etag_so_it_can_be_updated_at_once()
    {
        var owner = await factory.RegisterActorAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var created = await client.PostAsJsonAsync("/api/collaborations", ValidPlan());
        var etag = created.Headers.ETag!.Tag;

        var response = await client.SendAsync(Put(created.Headers.Location!.ToString(), ValidPlan(), etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bad_update_is_400_naming_the_field()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var etag = (await client.GetAsync($"/api/collaborations/{id}")).Headers.ETag!.Tag;
        var body = ValidPlan();
        Set(body, "targets.indicators.0.unit", JsonValue.Create(""));

        var response = await client.SendAsync(Put($"/api/collaborations/{id}", body, etag));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "targets.indicators[0].unit");
    }

    [Fact]
    public async Task List_shows_a_caseworker_only_their_agencys_collaborations()
    {
        var partner = await factory.RegisterActorAsync("Försäkringskassan Kalmar", "social-insurance");
        var (mine, _) = await factory.CreateCollaborationAsync(partner);
        var (notMine, theirs) = await factory.CreateCollaborationAsync();

        var page = await factory.ClientFor(Roles.Caseworker, partner).GetFromJsonAsync<JsonElement>("/api/collaborations");
        var ids = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();

        Assert.Equal([mine], ids);
        // An admin too sees its own agency's collaborations only.
        var theirAdmin = await factory.ClientFor(Roles.Admin, theirs).GetFromJsonAsync<JsonElement>("/api/collaborations?pageSize=200");
        Assert.Equal([notMine], theirAdmin.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    /// <summary>Sets a value at a dotted path ("targets.indicators.0.unit") in a JSON tree.</summary>
    internal static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        if (int.TryParse(parts[^1], out var index)) node[index] = value;
        else node[parts[^1]] = value;
    }
}
