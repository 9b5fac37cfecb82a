using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Apis;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Development;

/// <summary>
/// A development run's demo agencies as actors, under the ids the identity service's demo accounts act for
/// (<see cref="DemoAgencies"/>), so a demo account can create a collaboration and enrol at once. Registered through the
/// outbox like any actor, so the other services learn of them. Only in Development when the AppHost asks
/// (<c>Actors:Demo</c>); never twice.
/// </summary>
public static class DemoActors
{
    // Made-up organisation numbers (valid check digits, ending in 9999x) so that no real agency registered in a
    // development database stands in the way.
    private static readonly (Guid Id, string Name, string OrganisationNumber, ActorSector Sector, ActorKind Kind, string? Municipality)[] Agencies =
    [
        (DemoAgencies.EmploymentService, "Arbetsförmedlingen (demo)", "2021999996", ActorSector.Public, ActorKind.EmploymentService, null),
        (DemoAgencies.Municipality, "Exempelkommunens arbetsmarknadsenhet (demo)", "2120999996", ActorSector.Public, ActorKind.Municipality, "0880"),
        (DemoAgencies.Employer, "Demo Bygg AB", "5569999997", ActorSector.Business, ActorKind.Employer, "0880"),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment() || !services.GetRequiredService<IConfiguration>().GetValue<bool>("Actors:Demo"))
            return;
        var db = services.GetRequiredService<ActorsDbContext>();
        var ids = Agencies.Select(a => a.Id).ToList();
        var numbers = Agencies.Select(a => a.OrganisationNumber).ToList();
        var present = await db.Actors.Where(a => ids.Contains(a.Id) || numbers.Contains(a.OrganisationNumber))
            .Select(a => new { a.Id, a.OrganisationNumber }).ToListAsync();
        foreach (var (id, name, number, sector, kind, municipality) in Agencies.Where(a => !present.Any(p => p.Id == a.Id || p.OrganisationNumber == a.OrganisationNumber)))
        {
            var actor = new Actor
            {
                Id = id, Name = name, OrganisationNumber = number, Sector = sector, Kind = kind, MunicipalityCode = municipality,
                RegisteredAt = DateTimeOffset.UtcNow,
            };
            db.Actors.Add(actor);
            db.AddIntegrationEvent(ActorsApi.RegisteredEvent(actor));
        }
        await db.SaveChangesAsync();
    }
}
