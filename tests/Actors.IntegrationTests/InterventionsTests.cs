using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Actors.IntegrationTests.RequestData;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>The shared catalogue: each actor's own staff write it, and a collaboration searches all its members' offers.</summary>
public sealed class InterventionsTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private static object Body(string name = "Arbetsträning i kommunal verksamhet", string category = "work-training", int? capacity = 12) => new
    {
        name, category, eligibility = "Inskriven hos AF, 18–29 år", capacity, openRegardlessOfBenefit = true,
    };

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Caseworker)]
    public async Task The_actors_own_staff_publish_an_intervention_and_the_event_leaves_through_the_outbox(string role)
    {
        var actor = await factory.RegisterActorAsync();

        var response = await factory.ClientFor(role, actor).PostAsJsonAsync($"/api/actors/{actor}/interventions", Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("work-training", created.GetProperty("category").GetString());
        Assert.Equal(12, created.GetProperty("capacity").GetInt32());
        await factory.EventsDispatchedAsync("InterventionPublished", created.GetProperty("id").GetGuid(), 1);
    }

    [Fact]
    public async Task Staff_of_another_actor_and_employers_cannot_write_it_403()
    {
        var actor = await factory.RegisterActorAsync();
        var other = await factory.RegisterActorAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Coordinator, other).PostAsJsonAsync($"/api/actors/{actor}/interventions", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer, actor).PostAsJsonAsync($"/api/actors/{actor}/interventions", Body())).StatusCode);
    }

    [Fact]
    public async Task An_unknown_actor_is_404_and_an_admin_writes_its_own_actors_catalogue_only()
    {
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Admin, unknown).PostAsJsonAsync($"/api/actors/{unknown}/interventions", Body())).StatusCode);
        var actor = await factory.RegisterActorAsync();
        Assert.Equal(HttpStatusCode.Created, (await factory.ClientFor(Roles.Admin, actor).PostAsJsonAsync($"/api/actors/{actor}/interventions", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Admin).PostAsJsonAsync($"/api/actors/{actor}/interventions", Body())).StatusCode);
    }

    [Theory]
    [InlineData("""{"category":"work-training","eligibility":"Alla","openRegardlessOfBenefit":true}""", "name")]
    [InlineData("""{"name":"X","category":"galaxy","eligibility":"Alla","openRegardlessOfBenefit":true}""", "category")]
    [InlineData("""{"name":"X","category":"internship","eligibility":"Alla","capacity":0,"openRegardlessOfBenefit":true}""", "capacity")]
    [InlineData("""{"name":"X","category":"internship","openRegardlessOfBenefit":true}""", "eligibility")]
    [InlineData("""{"name":"X","category":"internship","eligibility":"Alla"}""", "openRegardlessOfBenefit")]
    public async Task Bad_intervention_is_400_naming_the_field(string body, string field)
    {
        var actor = await factory.RegisterActorAsync();
        var response = await factory.ClientFor(Roles.Coordinator, actor)
            .PostAsync($"/api/actors/{actor}/interventions", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }

    [Fact]
    public async Task Update_with_the_current_etag_republishes_and_a_stale_one_is_412()
    {
        var actor = await factory.RegisterActorAsync();
        var client = factory.ClientFor(Roles.Coordinator, actor);
        var created = await client.PostAsJsonAsync($"/api/actors/{actor}/interventions", Body());
        var url = created.Headers.Location!.ToString();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;

        var updated = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Body(name: "Arbetsträning", capacity: null), etag));
        var stale = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Body(name: "Gammal"), etag));
        var missing = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Body(), null));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.False((await updated.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("capacity", out var capacity)
            && capacity.ValueKind != JsonValueKind.Null, "capacity should be cleared");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        await factory.EventsDispatchedAsync("InterventionPublished", id, 2);
    }

    [Fact]
    public async Task An_employer_reads_an_actors_offer_as_public_information()
    {
        var actor = await factory.RegisterActorAsync();
        await factory.ClientFor(Roles.Coordinator, actor).PostAsJsonAsync($"/api/actors/{actor}/interventions", Body());
        var offer = await factory.ClientFor(Roles.Employer).GetFromJsonAsync<JsonElement>($"/api/actors/{actor}/interventions");
        Assert.Equal(1, offer.GetArrayLength());
    }

    [Fact]
    public async Task A_collaboration_searches_the_offer_of_all_its_members_by_category_and_text()
    {
        var partner = await factory.RegisterActorAsync("Studieförbund");
        var outsider = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync($"/api/actors/{owner}/interventions", Body("Praktik på kommunen", "internship"));
        await factory.ClientFor(Roles.Coordinator, partner).PostAsJsonAsync($"/api/actors/{partner}/interventions", Body("Svenska för yrkeslivet", "language-support"));
        await factory.ClientFor(Roles.Coordinator, outsider).PostAsJsonAsync($"/api/actors/{outsider}/interventions", Body("Praktik utanför", "internship"));
        var reader = factory.ClientFor(Roles.Caseworker, partner);

        var all = await reader.GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}/interventions");
        var internships = await reader.GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}/interventions?category=internship");
        var byText = await reader.GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}/interventions?q=SVENSKA");

        Assert.Equal(2, all.GetProperty("total").GetInt32()); // the outsider's offer is not in this collaboration's catalogue
        var internship = Assert.Single(internships.GetProperty("items").EnumerateArray());
        Assert.Equal("Ägare kommun", internship.GetProperty("actorName").GetString());
        Assert.Equal("Svenska för yrkeslivet", Assert.Single(byText.GetProperty("items").EnumerateArray()).GetProperty("intervention").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_collaboration_catalogue_is_404_for_non_members_403_for_employers_and_400_for_an_unknown_category()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var outsider = await factory.RegisterActorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, outsider).GetAsync($"/api/collaborations/{id}/interventions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer, owner).GetAsync($"/api/collaborations/{id}/interventions")).StatusCode);
        var bad = await factory.ClientFor(Roles.Caseworker, owner).GetAsync($"/api/collaborations/{id}/interventions?category=galaxy");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Problems.AssertNamesField(await bad.ProblemAsync(), "category");
    }
}
