using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Participants.Infrastructure;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Participants.Apis;

/// <summary>The actors this service has learnt of from Actors' events: shows what the consumer has applied.</summary>
public static class KnownActorsApi
{
    public static IEndpointRouteBuilder MapKnownActorsApi(this IEndpointRouteBuilder app)
    {
        // Agency staff only, like the rest of /api/participants: employers never reach this service.
        var api = app.MapGroup("/api/participants/actors").WithTags("Known actors").RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/", ListKnownActors)
            .WithSummary("Kända aktörer").WithDescription("The actors this service knows from Actors, that can refer participants.");
        return app;
    }

    public static async Task<Ok<PagedResult<KnownActorResponse>>> ListKnownActors(
        ParticipantsDbContext db, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        (page, pageSize) = Paging.Bound(page, pageSize);
        var total = await db.KnownActors.CountAsync(ct);
        var items = await db.KnownActors.AsNoTracking()
            .OrderBy(a => a.Name).ThenBy(a => a.Id)
            .Page(page, pageSize)
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<KnownActorResponse>(items.Select(KnownActorResponse.From).ToList(), page, pageSize, total));
    }
}
