using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Employers.Apis;

/// <summary>The actors this service has learnt of from Actors' events: shows what the consumer has applied.</summary>
public static class KnownActorsApi
{
    public static IEndpointRouteBuilder MapKnownActorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/employers/actors").WithTags("Known actors").RequireAuthorization(Policies.Authenticated);
        // Deprecated: a replica of the actors for this service's own checks, not a second source of them for agencies,
        // who read /api/actors (the Actors service, the one that owns them). Kept answering for integrations built on it.
        api.MapGet("/", ListKnownActors).Deprecated(since: new DateOnly(2026, 12, 1), sunset: new DateOnly(2027, 6, 30), successor: "/api/actors");
        return app;
    }

    public static async Task<Ok<PagedResult<KnownActorResponse>>> ListKnownActors(
        EmployersDbContext db, CancellationToken ct, int page = 1, int pageSize = 50)
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
