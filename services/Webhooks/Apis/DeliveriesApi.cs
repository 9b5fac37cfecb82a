using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Apis;

/// <summary>What was sent to an endpoint, how it went, and sending one again on request.</summary>
public static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks/endpoints/{id:guid}/deliveries").WithTags("Webhooks").RequireAuthorization(Policies.Coordinator);
        api.MapGet("/", List);
        api.MapPost("/{deliveryId:guid}/replay", Replay);
        return app;
    }

    /// <summary>The endpoint's deliveries, newest first; <c>status</c> filters (pending, delivered, failed).</summary>
    public static async Task<Results<Ok<PagedResult<DeliveryResponse>>, NotFound, ValidationProblem>> List(
        Guid id, ClaimsPrincipal user, WebhooksDbContext db, CancellationToken ct, string? status = null, int page = 1, int pageSize = 50)
    {
        if (!KebabCaseEnum.TryParse<DeliveryStatus>(status, out var wanted))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [KebabCaseEnum.Expected<DeliveryStatus>()] });
        if (await EndpointsApi.OwnAsync(db, id, user, ct) is null)
            return TypedResults.NotFound();
        (page, pageSize) = Paging.Bound(page, pageSize);
        var query = db.Deliveries.AsNoTracking().Where(d => d.EndpointId == id);
        if (wanted is { } only)
            query = query.Where(d => d.Status == only);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Page(page, pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<DeliveryResponse>([.. items.Select(DeliveryResponse.From)], page, pageSize, total));
    }

    /// <summary>
    /// Sends a delivery again, with the same <c>webhook-id</c> and body, from now with a fresh retry window. 409 while the
    /// endpoint is disabled: turn it on first, or the delivery would only wait.
    /// </summary>
    public static async Task<Results<Accepted<DeliveryResponse>, NotFound, ProblemHttpResult>> Replay(
        Guid id, Guid deliveryId, ClaimsPrincipal user, WebhooksDbContext db, CancellationToken ct)
    {
        if (await EndpointsApi.OwnAsync(db, id, user, ct) is not { } endpoint)
            return TypedResults.NotFound();
        if (await db.Deliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct) is not { } delivery)
            return TypedResults.NotFound();
        if (!endpoint.Enabled)
            return TypedResults.Problem(title: "The endpoint is disabled.", detail: endpoint.DisabledReason, statusCode: StatusCodes.Status409Conflict);
        delivery.Replay(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/webhooks/endpoints/{id}/deliveries", DeliveryResponse.From(delivery));
    }
}
