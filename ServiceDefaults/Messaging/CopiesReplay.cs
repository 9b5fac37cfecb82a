using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>What a service answers when asked to catch up on its copies: the request, as it went into the outbox.</summary>
public sealed record CopiesReplayResponse(Guid RequestId, DateTimeOffset RequestedAt);

/// <summary>
/// The repair path of <see cref="Copies"/>: the operator asks a service to catch up on what it copies, the service
/// publishes its own "replay requested" event through its outbox, and each owner answers with the current state of
/// what it owns, which the copies take where it is newer. For a copy that drifted (or was wiped, or is new) without a
/// database dump. Platform-wide, so the operator's alone.
/// </summary>
public static class CopiesReplay
{
    public static RouteHandlerBuilder MapCopiesReplay<TDbContext, TRequest>(
        this IEndpointRouteBuilder app, string pattern, Func<Guid, DateTimeOffset, TRequest> request)
        where TDbContext : DbContext, IMessagingDbContext
        where TRequest : class =>
        app.MapPost(pattern, async Task<Accepted<CopiesReplayResponse>> (TDbContext db, CancellationToken ct) =>
            {
                var (id, at) = (NewId.NextSequentialGuid(), DateTimeOffset.UtcNow);
                db.AddIntegrationEvent(request(id, at));
                await db.SaveChangesAsync(ct);
                return TypedResults.Accepted((string?)null, new CopiesReplayResponse(id, at));
            })
            .WithTags("Copies")
            .RequireAuthorization(Policies.Operator);
}
