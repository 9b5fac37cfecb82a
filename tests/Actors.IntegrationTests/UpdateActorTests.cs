using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

public sealed class UpdateActorTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private static object Changes(string name = "Kalmar kommun AME") => new
    {
        name, sector = "public", kind = "municipality", municipalityCode = "0880",
        contacts = new[] { new { name = "Eva Ek", role = "enhetschef", email = "eva.ek@example.se", phone = "+46 480 45 00 00" } },
    };

    private static HttpRequestMessage Put(Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/actors/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return request;
    }

    [Fact]
    public async Task Own_coordinator_updates_with_the_etag_and_ActorUpdated_is_in_the_outbox()
    {
        var id = await factory.RegisterActorAsync("Kalmar kommun");
        var client = factory.ClientFor(Roles.Coordinator, id);
        var read = await client.GetAsync($"/api/actors/{id}");
        var etag = read.Headers.ETag!.Tag;

        var response = await client.SendAsync(Put(id, Changes(), etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Kalmar kommun AME", body.GetProperty("name").GetString());
        Assert.Equal("Kalmar", body.GetProperty("municipalityName").GetString());
        Assert.Equal("eva.ek@example.se", body.GetProperty("contacts")[0].GetProperty("email").GetString());
        var events = await factory.OutboxBodiesAsync("ActorUpdated");
        var updated = Assert.Single(events, e => e.Contains(id.ToString()));
        Assert.DoesNotContain("Eva Ek", updated); // contact persons never travel in events
    }

    [Fact]
    public async Task Update_without_if_match_is_428()
    {
        var id = await factory.RegisterActorAsync();
        var response = await factory.ClientFor(Roles.Admin, id).SendAsync(Put(id, Changes(), ifMatch: null));
        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_412()
    {
        var id = await factory.RegisterActorAsync();
        var admin = factory.ClientFor(Roles.Admin, id);
        var etag = (await admin.GetAsync($"/api/actors/{id}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put(id, Changes("First"), etag))).StatusCode);

        var second = await admin.SendAsync(Put(id, Changes("Second"), etag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        await second.ProblemAsync();
        Assert.Equal("First", (await admin.GetFromJsonAsync<JsonElement>($"/api/actors/{id}")).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Employer)]
    public async Task Only_the_actors_own_coordinators_and_admins_may_update_403(string role)
    {
        var id = await factory.RegisterActorAsync();
        var etag = (await factory.ClientFor(Roles.Admin).GetAsync($"/api/actors/{id}")).Headers.ETag!.Tag;
        var someoneElse = factory.ClientFor(role, role == Roles.Coordinator ? Guid.NewGuid() : id);

        var response = await someoneElse.SendAsync(Put(id, Changes(), etag));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Updating_an_unknown_actor_is_404()
    {
        var response = await factory.ClientFor(Roles.Admin).SendAsync(Put(Guid.NewGuid(), Changes(), "\"1\""));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("0000", "municipalityCode")]
    [InlineData("email", "contacts[0].email")]
    [InlineData("phone", "contacts[0].phone")]
    [InlineData("unreachable", "contacts[0].email")]
    [InlineData("noname", "contacts[0].name")]
    public async Task Bad_update_is_400_naming_the_field(string fault, string field)
    {
        var id = await factory.RegisterActorAsync();
        var admin = factory.ClientFor(Roles.Admin, id);
        var etag = (await admin.GetAsync($"/api/actors/{id}")).Headers.ETag!.Tag;
        object contact = fault switch
        {
            "email" => new { name = "A", email = "not-an-email" },
            "phone" => new { name = "A", phone = "call me" },
            "unreachable" => new { name = "A" },
            "noname" => new { email = "a@example.se" },
            _ => new { name = "A", email = "a@example.se" },
        };
        var body = new { name = "X", sector = "public", kind = "municipality", municipalityCode = fault == "0000" ? "0000" : "0880", contacts = new[] { contact } };

        var response = await admin.SendAsync(Put(id, body, etag));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }

    [Fact]
    public async Task Employers_see_public_actor_information_without_contact_persons()
    {
        var id = await factory.RegisterActorAsync();
        var admin = factory.ClientFor(Roles.Admin, id);
        var etag = (await admin.GetAsync($"/api/actors/{id}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put(id, Changes(), etag))).StatusCode);

        var asEmployer = await factory.ClientFor(Roles.Employer).GetFromJsonAsync<JsonElement>($"/api/actors/{id}");
        var asCaseworker = await factory.ClientFor(Roles.Caseworker).GetFromJsonAsync<JsonElement>($"/api/actors/{id}");

        Assert.False(asEmployer.TryGetProperty("contacts", out _));
        Assert.Equal(1, asCaseworker.GetProperty("contacts").GetArrayLength());
    }
}
