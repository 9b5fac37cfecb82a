using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Apis;

/// <summary>
/// The shared catalogue (gemensam verktygslåda). Each actor's offer is public actor information: anyone
/// signed in reads it, employers included; the actor's own staff, its admins included, write it. A collaboration's
/// catalogue is the offer of all its current members, for those who may read the collaboration.
/// </summary>
public static class InterventionsApi
{
    public static IEndpointRouteBuilder MapInterventionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/actors/{actorId:guid}/interventions").WithTags("Interventions").RequireAuthorization(Policies.Authenticated);
        api.MapPost("/", CreateIntervention).RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/", ListInterventions);
        api.MapGet("/{id:guid}", GetIntervention);
        api.MapPut("/{id:guid}", UpdateIntervention).RequireAuthorization(Policies.AgencyStaff);
        app.MapGet("/api/collaborations/{id:guid}/interventions", SearchCollaborationCatalogue)
            .WithTags("Interventions").RequireAuthorization(Policies.AgencyStaff);
        return app;
    }

    public static async Task<Results<Created<InterventionResponse>, NotFound, ForbidHttpResult>> CreateIntervention(
        Guid actorId, InterventionRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        if (!await db.Actors.AnyAsync(a => a.Id == actorId, ct))
            return TypedResults.NotFound();
        if (CollaborationAccess.DecideActorOwn(user.GetRole(), user.GetAgencyId(), actorId) != AccessDecision.Allow)
            return TypedResults.Forbid();
        var now = DateTimeOffset.UtcNow;
        var intervention = new Intervention
        {
            Id = NewId.NextSequentialGuid(), ActorId = actorId, Name = request.Name!.Trim(), Eligibility = request.Eligibility!.Trim(),
            CreatedAt = now,
        };
        Apply(intervention, request);
        db.Interventions.Add(intervention);
        db.AddIntegrationEvent(Published(intervention, now));
        await db.SaveChangesAsync(ct);
        ETags.Set(http, intervention.Version);
        return TypedResults.Created($"/api/actors/{actorId}/interventions/{intervention.Id}", InterventionResponse.From(intervention));
    }

    public static async Task<Results<Ok<List<InterventionResponse>>, NotFound>> ListInterventions(
        Guid actorId, ActorsDbContext db, CancellationToken ct)
    {
        if (!await db.Actors.AnyAsync(a => a.Id == actorId, ct))
            return TypedResults.NotFound();
        var items = await db.Interventions.AsNoTracking().Where(i => i.ActorId == actorId).OrderBy(i => i.Name).ThenBy(i => i.Id).ToListAsync(ct);
        return TypedResults.Ok(items.Select(InterventionResponse.From).ToList());
    }

    public static async Task<Results<Ok<InterventionResponse>, NotFound>> GetIntervention(
        Guid actorId, Guid id, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var intervention = await db.Interventions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.ActorId == actorId, ct);
        if (intervention is null)
            return TypedResults.NotFound();
        ETags.Set(http, intervention.Version);
        return TypedResults.Ok(InterventionResponse.From(intervention));
    }

    /// <summary>Replaces the intervention (If-Match required) and republishes it.</summary>
    public static async Task<Results<Ok<InterventionResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> UpdateIntervention(
        Guid actorId, Guid id, InterventionRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var intervention = await db.Interventions.FirstOrDefaultAsync(i => i.Id == id && i.ActorId == actorId, ct);
        if (intervention is null)
            return TypedResults.NotFound();
        if (CollaborationAccess.DecideActorOwn(user.GetRole(), user.GetAgencyId(), actorId) != AccessDecision.Allow)
            return TypedResults.Forbid();
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != intervention.Version)
            return ETags.Stale();

        var now = DateTimeOffset.UtcNow;
        intervention.Name = request.Name!.Trim();
        intervention.Eligibility = request.Eligibility!.Trim();
        Apply(intervention, request);
        intervention.UpdatedAt = now;
        db.AddIntegrationEvent(Published(intervention, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale();
        }
        ETags.Set(http, intervention.Version);
        return TypedResults.Ok(InterventionResponse.From(intervention));
    }

    /// <summary>The offer of every current member of the collaboration, filtered by category and by text in name or eligibility.</summary>
    public static async Task<Results<Ok<PagedResult<CatalogueEntry>>, NotFound, ForbidHttpResult, ValidationProblem>> SearchCollaborationCatalogue(
        Guid id, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct, string? category = null, string? q = null, int page = 1, int pageSize = 50)
    {
        if (!KebabCaseEnum.TryParse<InterventionCategory>(category, out var categoryFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["category"] = [KebabCaseEnum.Expected<InterventionCategory>()] });
        var (collaboration, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        (page, pageSize) = Paging.Bound(page, pageSize);
        var members = collaboration!.CurrentMembers(CollaborationsApi.Today).Select(m => m.ActorId).Distinct().ToList();
        var query = db.Interventions.AsNoTracking().Where(i => members.Contains(i.ActorId));
        if (categoryFilter is not null)
            query = query.Where(i => i.Category == categoryFilter);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Case-insensitive "contains"; the user's % and _ are literal, not wildcards.
            var pattern = "%" + q.Trim().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            query = query.Where(i => EF.Functions.ILike(i.Name, pattern) || EF.Functions.ILike(i.Eligibility, pattern));
        }
        var total = await query.CountAsync(ct);
        var items = await query.Join(db.Actors, i => i.ActorId, a => a.Id, (i, a) => new { Intervention = i, ActorName = a.Name })
            .OrderBy(x => x.Intervention.Name).ThenBy(x => x.Intervention.Id).Page(page, pageSize)
            .ToListAsync(ct);
        var entries = items.Select(x => new CatalogueEntry(InterventionResponse.From(x.Intervention), x.ActorName)).ToList();
        return TypedResults.Ok(new PagedResult<CatalogueEntry>(entries, page, pageSize, total));
    }

    private static void Apply(Intervention intervention, InterventionRequest request)
    {
        intervention.Category = request.Category!.Value;
        intervention.Capacity = request.Capacity;
        intervention.OpenRegardlessOfBenefit = request.OpenRegardlessOfBenefit!.Value;
    }

    private static InterventionPublished Published(Intervention i, DateTimeOffset now) => new()
    {
        InterventionId = i.Id, ActorId = i.ActorId, Name = i.Name, Category = i.Category, Capacity = i.Capacity,
        OpenRegardlessOfBenefit = i.OpenRegardlessOfBenefit, PublishedAt = now,
    };
}
