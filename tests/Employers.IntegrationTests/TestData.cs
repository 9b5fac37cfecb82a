using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

public static class TestData
{
    public static string NewOrganisationNumber() => TestNumbers.NewOrganisationNumber();

    /// <summary>
    /// Puts an actor into known_actors as the ActorRegistered consumer would (the consumer itself is tested
    /// elsewhere; here only its result matters).
    /// </summary>
    public static async Task<Guid> KnownActorAsync(this EmployersApiFactory factory, string name = "Arbetsförmedlingen", ActorKind kind = ActorKind.EmploymentService)
    {
        var id = NewId.NextSequentialGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
        db.KnownActors.Add(new KnownActor { Id = id, Name = name, Sector = kind == ActorKind.Employer ? ActorSector.Business : ActorSector.Public, Kind = kind });
        await db.SaveChangesAsync();
        return id;
    }

    public static object EmployerBody(Guid owner, Guid? actorId = null, string? organisationNumber = null) => new
    {
        organisationNumber = organisationNumber ?? NewOrganisationNumber(),
        name = "Kalmar Bygg AB",
        industryCode = "41.200",
        municipalityCode = "0880",
        sizeBand = "small",
        ownerActorId = owner,
        actorId,
        contacts = new[] { new { name = "Eva Ek", role = "HR", email = "eva@example.se" } },
    };

    /// <summary>
    /// Registers an employer as staff of <paramref name="owner"/> (a coordinator when it links a login, which a caseworker
    /// may not); returns its id.
    /// </summary>
    public static async Task<Guid> RegisterEmployerAsync(this EmployersApiFactory factory, Guid owner, Guid? actorId = null)
    {
        var role = actorId is null ? Roles.Caseworker : Roles.Coordinator;
        var response = await factory.ClientFor(role, owner).PostAsJsonAsync("/api/employers", EmployerBody(owner, actorId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static object OfferBody(Guid? employerId = null, string kind = "internship") => new
    {
        employerId,
        kind,
        occupationCode = "7119",
        title = "Praktik som byggnadsarbetare",
        description = "Tre månader på bygget.",
        municipalityCode = "0880",
        places = 2,
        startDate = "2026-12-01",
        durationWeeks = 12,
        hoursPerWeek = 40,
        requirements = new { skills = new[] { "truckkort" }, swedishLevel = "basic", drivingLicence = true },
        supervisorCapacity = 2,
        adaptations = new[] { "anpassade arbetstider" },
    };

    public static async Task<Guid> PublishOfferAsync(this HttpClient client, Guid? employerId)
    {
        var response = await client.PostAsJsonAsync("/api/offers", OfferBody(employerId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<List<string>> OutboxBodiesAsync(this EmployersApiFactory factory, string eventName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
        return await db.OutboxMessages
            .Where(m => m.MessageType.StartsWith($"Samverkan.Contracts.Employers.{eventName},"))
            .Select(m => m.Body).ToListAsync();
    }
}
