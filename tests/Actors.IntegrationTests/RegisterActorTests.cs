using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Actors.Infrastructure;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Actors.IntegrationTests;

public sealed class RegisterActorTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Fact]
    public async Task Registered_actor_and_its_event_are_stored_in_one_commit()
    {
        var response = await factory.ClientFor(Roles.Caseworker).PostAsJsonAsync("/api/actors", new
        {
            name = "Försäkringskassan", organisationNumber = "202100-5521", sector = "public", kind = "social-insurance",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ActorsDbContext>();
        Assert.Equal("2021005521", (await db.Actors.SingleAsync(a => a.Id == id)).OrganisationNumber);
        var events = await db.OutboxMessages.Where(m => m.MessageType.StartsWith("Samverkan.Contracts.Actors.ActorRegistered,")).ToListAsync();
        Assert.Contains(events, e => e.Body.Contains(id.ToString()));
    }

    [Fact]
    public async Task A_second_actor_with_the_same_organisationsnummer_is_a_conflict()
    {
        var client = factory.ClientFor(Roles.Coordinator);
        var body = new { name = "Arbetsförmedlingen", organisationNumber = "2021002114", sector = "public", kind = "employment-service" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/actors", body)).StatusCode);

        var again = await client.PostAsJsonAsync("/api/actors", body with { name = "AF igen" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Registered_actor_can_be_read_back_and_filtered_by_sector()
    {
        var client = factory.ClientFor(Roles.Caseworker);
        var created = await client.PostAsJsonAsync("/api/actors", new
        {
            name = "Stadsmissionen", organisationNumber = "802479-0001", sector = "civil-society", kind = "civil-society-organisation",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/actors/{id}");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/actors?sector=civil-society");

        Assert.Equal("civil-society-organisation", one.GetProperty("kind").GetString());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.Equal("civil-society", a.GetProperty("sector").GetString()));
    }
}
