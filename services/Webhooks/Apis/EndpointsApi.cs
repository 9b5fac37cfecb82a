using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Apis;

/// <summary>
/// An agency's webhook endpoints. Its coordinators, admins and systems (a client with <c>webhooks.write</c>) manage the
/// agency's own endpoints only: another agency's endpoint is 404, as if it did not exist.
/// </summary>
public static class EndpointsApi
{
    public static IEndpointRouteBuilder MapEndpointsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webhooks/event-types", ListEventTypes).WithTags("Webhooks").RequireAuthorization(Policies.Authenticated);
        var api = app.MapGroup("/api/webhooks/endpoints").WithTags("Webhooks").RequireAuthorization(Policies.Coordinator);
        api.MapPost("/", Register);
        api.MapGet("/", List);
        api.MapGet("/{id:guid}", Get);
        api.MapPut("/{id:guid}", Update);
        api.MapPost("/{id:guid}/secret", RotateSecret);
        return app;
    }

    /// <summary>The event types an endpoint can choose, and who receives each.</summary>
    public static Ok<IReadOnlyList<EventTypeResponse>> ListEventTypes() =>
        TypedResults.Ok<IReadOnlyList<EventTypeResponse>>([.. EventTypes.All.Select(t => new EventTypeResponse(t.Name, t.Audience))]);

    /// <summary>Registers an endpoint for the caller's agency. The answer holds the signing secret, shown this once.</summary>
    public static async Task<Results<Created<RegisteredEndpointResponse>, ValidationProblem>> Register(
        RegisterEndpointRequest request, ClaimsPrincipal user, WebhooksDbContext db, EndpointAddress addresses, CancellationToken ct)
    {
        if (Problems(request.Url!, request.EventTypes!, addresses) is { } errors)
            return TypedResults.ValidationProblem(errors);
        var now = DateTimeOffset.UtcNow;
        var endpoint = new WebhookEndpoint
        {
            Id = NewId.NextSequentialGuid(),
            AgencyId = user.GetAgencyId()!.Value,
            Url = request.Url!,
            Description = request.Description,
            EventTypes = [.. request.EventTypes!.Distinct()],
            Secret = WebhookSecret.New(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Endpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/webhooks/endpoints/{endpoint.Id}", new RegisteredEndpointResponse(EndpointResponse.From(endpoint), endpoint.Secret));
    }

    public static async Task<Ok<IReadOnlyList<EndpointResponse>>> List(ClaimsPrincipal user, WebhooksDbContext db, CancellationToken ct)
    {
        var agency = user.GetAgencyId();
        var endpoints = await db.Endpoints.AsNoTracking().Where(e => e.AgencyId == agency).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<EndpointResponse>>([.. endpoints.Select(EndpointResponse.From)]);
    }

    public static async Task<Results<Ok<EndpointResponse>, NotFound>> Get(Guid id, ClaimsPrincipal user, WebhooksDbContext db, CancellationToken ct) =>
        await OwnAsync(db, id, user, ct) is { } endpoint ? TypedResults.Ok(EndpointResponse.From(endpoint)) : TypedResults.NotFound();

    /// <summary>Changes the URL, description, event types, or turns the endpoint off or on again.</summary>
    public static async Task<Results<Ok<EndpointResponse>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateEndpointRequest request, ClaimsPrincipal user, WebhooksDbContext db, EndpointAddress addresses, CancellationToken ct)
    {
        if (await OwnAsync(db, id, user, ct) is not { } endpoint)
            return TypedResults.NotFound();
        if (Problems(request.Url!, request.EventTypes!, addresses) is { } errors)
            return TypedResults.ValidationProblem(errors);
        var now = DateTimeOffset.UtcNow;
        endpoint.Url = request.Url!;
        endpoint.Description = request.Description;
        endpoint.EventTypes = [.. request.EventTypes!.Distinct()];
        endpoint.UpdatedAt = now;
        if (request.Enabled!.Value)
            endpoint.Enable(now);
        else
            endpoint.Disable("Disabled by the agency.", now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(EndpointResponse.From(endpoint));
    }

    /// <summary>A new secret, shown this once. During the overlap every message is signed with both, so the receiver can switch at leisure.</summary>
    public static async Task<Results<Ok<RotatedSecretResponse>, NotFound>> RotateSecret(
        Guid id, RotateSecretRequest request, ClaimsPrincipal user, WebhooksDbContext db, CancellationToken ct)
    {
        if (await OwnAsync(db, id, user, ct) is not { } endpoint)
            return TypedResults.NotFound();
        var secret = endpoint.Rotate(TimeSpan.FromHours(request.OverlapHours), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RotatedSecretResponse(secret, endpoint.PreviousSecretExpiresAt));
    }

    /// <summary>The endpoint if it is the caller's agency's; null otherwise, whether it exists or not.</summary>
    internal static Task<WebhookEndpoint?> OwnAsync(WebhooksDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var agency = user.GetAgencyId();
        return db.Endpoints.SingleOrDefaultAsync(e => e.Id == id && e.AgencyId == agency, ct);
    }

    private static Dictionary<string, string[]>? Problems(string url, IReadOnlyList<string> eventTypes, EndpointAddress addresses)
    {
        var errors = new Dictionary<string, string[]>();
        if (addresses.Problem(url) is { } problem)
            errors["url"] = [problem];
        for (var i = 0; i < eventTypes.Count; i++)
            if (!EventTypes.Names.Contains(eventTypes[i]))
                errors[$"eventTypes[{i}]"] = [$"Unknown event type '{eventTypes[i]}'. Known: {string.Join(", ", EventTypes.Names)}."];
        return errors.Count > 0 ? errors : null;
    }
}
