using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Actors.Apis;

/// <summary>
/// Joining and leaving. Membership changes are their own resources, so they need no If-Match: a join that
/// races another is caught by the one-open-membership index (409) instead.
/// </summary>
public static class CollaborationMembersApi
{
    public static async Task<Results<Created<MemberResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> AddMember(
        Guid id, AddMemberRequest request, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        switch (CollaborationsApi.Decide(user, collaboration, CollaborationAction.Manage))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var actorId = request.ActorId!.Value;
        var joinedOn = request.JoinedOn ?? CollaborationsApi.Today;
        var errors = new Dictionary<string, string[]>();
        if (request.Role == MemberRole.Owner)
            errors["role"] = ["Only the owner actor has role owner; choose partner or strategic-only."];
        if (!await db.Actors.AnyAsync(a => a.Id == actorId, ct))
            errors["actorId"] = ["Not a registered actor."];
        if (joinedOn > collaboration.EndDate)
            errors["joinedOn"] = [$"The collaboration ends {collaboration.EndDate:yyyy-MM-dd}; nobody can join after that."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (collaboration.Members.Any(m => m.ActorId == actorId && m.IsCurrent(CollaborationsApi.Today)))
            return AlreadyMember(actorId);

        var now = DateTimeOffset.UtcNow;
        collaboration.Revision++;
        var member = CollaborationsApi.NewMember(collaboration, actorId, request.Role!.Value, joinedOn, request.Goals);
        db.CollaborationMembers.Add(member);
        collaboration.UpdatedAt = now; // moves the collaboration's ETag: its member list changed
        db.AddIntegrationEvent(Joined(member, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AlreadyMember(actorId); // a concurrent request added the same actor
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale();
        }
        return TypedResults.Created($"/api/collaborations/{id}/members/{actorId}", MemberResponse.From(member));
    }

    /// <summary>Removing a member sets its leave date (default today); the membership stays as history.</summary>
    public static async Task<Results<Ok<MemberResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> RemoveMember(
        Guid id, Guid actorId, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct, [PlausibleDate] DateOnly? leftOn = null)
    {
        var collaboration = await db.Collaborations.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        switch (CollaborationsApi.Decide(user, collaboration, CollaborationAction.Manage))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var member = collaboration.Members.FirstOrDefault(m => m.ActorId == actorId && m.LeftOn is null);
        if (member is null)
            return TypedResults.NotFound();
        if (member.Role == MemberRole.Owner)
            return TypedResults.Problem(
                title: "The owner cannot leave its own collaboration.",
                detail: "A collaboration always has its owner as a member.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["field"] = "actorId" });
        var leaving = leftOn ?? CollaborationsApi.Today;
        if (leaving < member.JoinedOn)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["leftOn"] = [$"The member joined {member.JoinedOn:yyyy-MM-dd}; it cannot leave before that."],
            });

        var now = DateTimeOffset.UtcNow;
        member.LeftOn = leaving;
        collaboration.UpdatedAt = now;
        member.Revision = ++collaboration.Revision;
        db.AddIntegrationEvent(Left(member, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale();
        }
        return TypedResults.Ok(MemberResponse.From(member));
    }

    /// <summary>
    /// Replaces a member's own goals. Unlike joining and leaving this overwrites what someone else may have
    /// just written, so it needs the collaboration's ETag in If-Match.
    /// </summary>
    public static async Task<Results<Ok<MemberResponse>, NotFound, ForbidHttpResult, ProblemHttpResult>> SetGoals(
        Guid id, Guid actorId, MemberGoalsRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        var decision = CollaborationAccess.DecideMemberGoals(user.GetRole(), user.GetAgencyId(), collaboration.OwnerActorId,
            collaboration.CurrentMembers(CollaborationsApi.Today).Select(m => m.ActorId), actorId);
        switch (decision)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var member = collaboration.Members.FirstOrDefault(m => m.ActorId == actorId && m.IsCurrent(CollaborationsApi.Today));
        if (member is null)
            return TypedResults.NotFound();
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != collaboration.Version)
            return ETags.Stale();

        member.Goals = request.Goals!.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).ToList();
        collaboration.UpdatedAt = DateTimeOffset.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale();
        }
        ETags.Set(http, collaboration.Version);
        return TypedResults.Ok(MemberResponse.From(member));
    }

    internal static MemberJoined Joined(CollaborationMember member, DateTimeOffset now) => new()
    {
        CollaborationId = member.CollaborationId,
        ActorId = member.ActorId,
        Role = member.Role,
        JoinedOn = member.JoinedOn,
        OccurredAt = now,
        Revision = member.Revision,
    };

    /// <summary>An ended membership's whole state: role, join and leave.</summary>
    internal static MemberLeft Left(CollaborationMember member, DateTimeOffset now) => new()
    {
        CollaborationId = member.CollaborationId,
        ActorId = member.ActorId,
        LeftOn = member.LeftOn ?? throw new InvalidOperationException("The membership has not ended."),
        Role = member.Role,
        JoinedOn = member.JoinedOn,
        OccurredAt = now,
        Revision = member.Revision,
    };

    private static ProblemHttpResult AlreadyMember(Guid actorId) => TypedResults.Problem(
        title: "The actor is already a member of this collaboration.",
        detail: $"actorId {actorId} has an open membership.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["field"] = "actorId" });
}
