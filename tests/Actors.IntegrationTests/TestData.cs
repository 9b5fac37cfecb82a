using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Actors.Infrastructure;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Valid, unique input for tests that need an actor to exist without caring which.</summary>
public static class TestData
{
    public static string NewOrganisationNumber() => TestNumbers.NewOrganisationNumber();

    /// <summary>Registers an actor (as an admin) and returns its id.</summary>
    public static async Task<Guid> RegisterActorAsync(this ActorsApiFactory factory, string name = "Testaktör", string kind = "municipality",
        string sector = "public", string? municipalityCode = null)
    {
        var response = await factory.ClientFor(Roles.Admin).PostAsJsonAsync("/api/actors", new
        {
            name, organisationNumber = NewOrganisationNumber(), sector, kind, municipalityCode,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<List<string>> OutboxBodiesAsync(this ActorsApiFactory factory, string eventName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ActorsDbContext>();
        return await db.OutboxMessages
            .Where(m => m.MessageType.StartsWith($"Samverkan.Contracts.Actors.{eventName},"))
            .Select(m => m.Body).ToListAsync();
    }
}
