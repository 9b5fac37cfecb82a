using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Sweden;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Actors.Apis;

public static class CollaborationsApi
{
    public static IEndpointRouteBuilder MapCollaborationsApi(this IEndpointRouteBuilder app)
    {
        // Agency staff only: employers never see collaborations (403), whatever the record says.
        var api = app.MapGroup("/api/collaborations").WithTags("Collaborations").RequireAuthorization(Policies.AgencyStaff);
        api.MapPost("/", CreateCollaboration).RequireAuthorization(Policies.Coordinator)
            .WithRequestExample(new
            {
                name = "Vägen till arbete", purpose = "Fler i arbete eller studier", targetGroups = new[] { "long-term-unemployed" },
                geography = new[] { "0880" }, startDate = "2026-01-01", endDate = "2027-12-31",
                financing = new { source = "esf-plus", budget = 1_000_000 },
                targets = new { participants = new { total = 100, women = 50, men = 50 }, exitToWorkOrStudiesShare = 60 },
            });
        api.MapGet("/{id:guid}", GetCollaboration);
        api.MapGet("/", ListCollaborations);
        api.MapPut("/{id:guid}", UpdateCollaboration).RequireAuthorization(Policies.Coordinator);
        api.MapPost("/{id:guid}/members", CollaborationMembersApi.AddMember).RequireAuthorization(Policies.Coordinator);
        api.MapDelete("/{id:guid}/members/{actorId:guid}", CollaborationMembersApi.RemoveMember).RequireAuthorization(Policies.Coordinator);
        api.MapPut("/{id:guid}/members/{actorId:guid}/goals", CollaborationMembersApi.SetGoals).RequireAuthorization(Policies.Coordinator);
        return app;
    }

    internal static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// Creates a collaboration. The caller's own agency becomes the owner (a coordinator or admin may name only
    /// it). The owner is added as a member with role owner; the events go out with the commit.
    /// </summary>
    public static async Task<Results<Created<CollaborationResponse>, ValidationProblem, ForbidHttpResult>> CreateCollaboration(
        CreateCollaborationRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var agency = user.GetAgencyId();
        if (request.OwnerActorId is { } named && !CollaborationAccess.SpeaksFor(user.GetRole(), agency, named))
            return TypedResults.Forbid(); // no one makes another agency answer for a collaboration
        var errors = CollaborationRules.Validate(request);
        if (request.OwnerActorId is null && agency is null)
            errors["ownerActorId"] = ["Name the owner actor."];
        var ownerId = request.OwnerActorId ?? agency ?? Guid.Empty;
        var requested = request.Members ?? [];
        var mentioned = requested.Select(m => m.ActorId!.Value).Append(ownerId).ToList();
        var registered = await db.Actors.Where(a => mentioned.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);

        if (ownerId != Guid.Empty && !registered.Contains(ownerId))
            errors["ownerActorId"] = [request.OwnerActorId is null
                ? "Your agency is not a registered actor; register it first."
                : "The owner must be a registered actor."];
        var seen = new HashSet<Guid> { ownerId };
        for (var i = 0; i < requested.Count; i++)
        {
            var actorId = requested[i].ActorId!.Value;
            if (!registered.Contains(actorId))
                errors[$"members[{i}].actorId"] = ["Not a registered actor."];
            else if (!seen.Add(actorId))
                errors[$"members[{i}].actorId"] = ["Listed twice, or the owner: the owner is a member by being the owner."];
            if (requested[i].Role == MemberRole.Owner)
                errors[$"members[{i}].role"] = ["Only the owner actor has role owner; choose partner or strategic-only."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var now = DateTimeOffset.UtcNow;
        var (financing, targets) = CollaborationRules.ToModel(request);
        var collaboration = new Collaboration
        {
            Id = NewId.NextSequentialGuid(),
            Name = request.Name!.Trim(),
            Purpose = request.Purpose!.Trim(),
            OwnerActorId = ownerId,
            TargetGroups = request.TargetGroups!.Distinct().ToList(),
            MunicipalityCodes = request.Geography!.Distinct().ToList(),
            StartDate = request.StartDate!.Value,
            EndDate = request.EndDate!.Value,
            Financing = financing,
            Targets = targets,
            CreatedAt = now,
        };
        collaboration.Members.Add(NewMember(collaboration, ownerId, MemberRole.Owner, collaboration.StartDate, request.OwnerGoals));
        foreach (var m in requested)
            collaboration.Members.Add(NewMember(collaboration, m.ActorId!.Value, m.Role!.Value, m.JoinedOn ?? collaboration.StartDate, m.Goals));

        db.Collaborations.Add(collaboration);
        db.AddIntegrationEvent(new CollaborationCreated
        {
            CollaborationId = collaboration.Id,
            Name = collaboration.Name,
            OwnerActorId = collaboration.OwnerActorId,
            TargetGroups = collaboration.TargetGroups,
            MunicipalityCodes = collaboration.MunicipalityCodes,
            StartDate = collaboration.StartDate,
            EndDate = collaboration.EndDate,
            FinancingSource = financing.Source,
            Budget = financing.Budget,
            ParticipantTarget = targets.Participants.Total,
            ExitToWorkOrStudiesTargetShare = targets.ExitToWorkOrStudiesShare,
            CreatedAt = now,
            Revision = collaboration.Revision,
        });
        foreach (var member in collaboration.Members)
            db.AddIntegrationEvent(CollaborationMembersApi.Joined(member, now));
        await db.SaveChangesAsync(ct);
        ETags.Set(http, collaboration.Version);
        return TypedResults.Created($"/api/collaborations/{collaboration.Id}", CollaborationResponse.From(collaboration));
    }

    public static async Task<Results<Ok<CollaborationResponse>, NotFound, ForbidHttpResult>> GetCollaboration(
        Guid id, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        switch (Decide(user, collaboration, CollaborationAction.Read))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        ETags.Set(http, collaboration.Version);
        return TypedResults.Ok(CollaborationResponse.From(collaboration));
    }

    /// <summary>The collaborations the caller's agency is a current member of (admins' too: their own agency's). Filter by covered municipality.</summary>
    public static async Task<Results<Ok<PagedResult<CollaborationResponse>>, ValidationProblem>> ListCollaborations(
        ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct, string? municipality = null, int page = 1, int pageSize = 50)
    {
        if (!string.IsNullOrEmpty(municipality) && !Municipalities.IsKnown(municipality))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["municipality"] = ["Not a Swedish municipality code (SCB kommunkod)."] });
        (page, pageSize) = Paging.Bound(page, pageSize);
        var agency = user.GetAgencyId();
        var today = Today;
        var query = db.Collaborations.AsNoTracking()
            .Where(c => c.Members.Any(m => m.ActorId == agency && (m.LeftOn == null || m.LeftOn >= today)));
        if (!string.IsNullOrEmpty(municipality))
            query = query.Where(c => c.MunicipalityCodes.Contains(municipality));
        var total = await query.CountAsync(ct);
        var items = await query.Include(c => c.Members).OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .Page(page, pageSize).AsSplitQuery().ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<CollaborationResponse>(items.Select(CollaborationResponse.From).ToList(), page, pageSize, total));
    }

    /// <summary>Replaces the plan (everything but owner and members). Owner's coordinators and admins; If-Match required.</summary>
    public static async Task<Results<Ok<CollaborationResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateCollaboration(
        Guid id, UpdateCollaborationRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        switch (Decide(user, collaboration, CollaborationAction.Manage))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != collaboration.Version)
            return ETags.Stale();
        if (CollaborationRules.Validate(request) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var planned = await db.CoFinancingPlans.AsNoTracking().Where(p => p.CollaborationId == id).Select(p => p.Lines).FirstOrDefaultAsync(ct);
        if (CoFinancingRules.PeriodErrors(planned ?? [], request.StartDate!.Value, request.EndDate!.Value) is { Count: > 0 } periodErrors)
            return TypedResults.ValidationProblem(periodErrors);

        var now = DateTimeOffset.UtcNow;
        var (financing, targets) = CollaborationRules.ToModel(request);
        collaboration.Name = request.Name!.Trim();
        collaboration.Purpose = request.Purpose!.Trim();
        collaboration.TargetGroups = request.TargetGroups!.Distinct().ToList();
        collaboration.MunicipalityCodes = request.Geography!.Distinct().ToList();
        collaboration.StartDate = request.StartDate!.Value;
        collaboration.EndDate = request.EndDate!.Value;
        collaboration.Financing = financing;
        collaboration.Targets = targets;
        collaboration.UpdatedAt = now;
        collaboration.Revision++;
        db.AddIntegrationEvent(UpdatedEvent(collaboration));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale(); // another write landed between our read and our update
        }
        ETags.Set(http, collaboration.Version);
        return TypedResults.Ok(CollaborationResponse.From(collaboration));
    }

    internal static AccessDecision Decide(ClaimsPrincipal user, Collaboration collaboration, CollaborationAction action) =>
        CollaborationAccess.Decide(user.GetRole(), user.GetAgencyId(), collaboration.OwnerActorId,
            collaboration.CurrentMembers(Today).Select(m => m.ActorId), action);

    internal static AccessDecision DecideMemberOwn(ClaimsPrincipal user, Collaboration collaboration, Guid memberActorId) =>
        CollaborationAccess.DecideMemberOwn(user.GetRole(), user.GetAgencyId(), collaboration.OwnerActorId,
            collaboration.CurrentMembers(Today).Select(m => m.ActorId), memberActorId);

    /// <summary>The collaboration's current plan, as an update or as the answer to a replay request.</summary>
    internal static CollaborationUpdated UpdatedEvent(Collaboration collaboration) => new()
    {
        CollaborationId = collaboration.Id,
        Name = collaboration.Name,
        OwnerActorId = collaboration.OwnerActorId,
        TargetGroups = collaboration.TargetGroups,
        MunicipalityCodes = collaboration.MunicipalityCodes,
        StartDate = collaboration.StartDate,
        EndDate = collaboration.EndDate,
        FinancingSource = collaboration.Financing.Source,
        Budget = collaboration.Financing.Budget,
        ParticipantTarget = collaboration.Targets.Participants.Total,
        ExitToWorkOrStudiesTargetShare = collaboration.Targets.ExitToWorkOrStudiesShare,
        UpdatedAt = collaboration.UpdatedAt ?? collaboration.CreatedAt,
        Revision = collaboration.Revision,
    };

    /// <summary>A new membership, stamped with the collaboration's current revision (raise it first when the membership is a change of its own).</summary>
    internal static CollaborationMember NewMember(Collaboration collaboration, Guid actorId, MemberRole role, DateOnly joinedOn, List<string>? goals) => new()
    {
        Revision = collaboration.Revision,
        Id = NewId.NextSequentialGuid(),
        CollaborationId = collaboration.Id,
        ActorId = actorId,
        Role = role,
        JoinedOn = joinedOn,
        Goals = goals?.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).ToList() ?? [],
    };
}
