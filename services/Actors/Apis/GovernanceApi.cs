using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Actors.Apis;

/// <summary>
/// Steering group, process leader and working groups, and the warnings about them. Those who may read the
/// collaboration read it; those who manage it (the owner's coordinators and admins) write it.
/// </summary>
public static class GovernanceApi
{
    public static IEndpointRouteBuilder MapGovernanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collaborations/{id:guid}").WithTags("Governance").RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/governance", GetGovernance);
        api.MapPut("/governance", UpdateGovernance).RequireAuthorization(Policies.Coordinator);
        api.MapGet("/governance/warnings", GetWarnings);
        api.MapPost("/meetings", MeetingsApi.CreateMeeting).RequireAuthorization(Policies.Coordinator);
        api.MapGet("/meetings", MeetingsApi.ListMeetings);
        api.MapGet("/meetings/{meetingId:guid}", MeetingsApi.GetMeeting);
        api.MapPut("/meetings/{meetingId:guid}", MeetingsApi.UpdateMeeting).RequireAuthorization(Policies.Coordinator);
        return app;
    }

    /// <summary>A collaboration without governance yet reads as empty with ETag "0", so the first PUT follows the same rule as the rest.</summary>
    public static async Task<Results<Ok<GovernanceResponse>, NotFound, ForbidHttpResult>> GetGovernance(
        Guid id, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var (_, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var governance = await db.Governance.AsNoTracking().FirstOrDefaultAsync(g => g.CollaborationId == id, ct);
        ETags.Set(http, governance?.Version ?? 0);
        return TypedResults.Ok(GovernanceResponse.From(id, governance));
    }

    public static async Task<Results<Ok<GovernanceResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateGovernance(
        Guid id, GovernanceRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var (collaboration, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Manage, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var governance = await db.Governance.FirstOrDefaultAsync(g => g.CollaborationId == id, ct);
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != (governance?.Version ?? 0))
            return ETags.Stale();
        if (GovernanceRules.Validate(request, CurrentMembers(collaboration!)) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);

        if (governance is null)
        {
            governance = new Governance { CollaborationId = id };
            db.Governance.Add(governance);
        }
        GovernanceRules.Apply(governance, request);
        governance.UpdatedAt = DateTimeOffset.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException
            || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ETags.Stale(); // someone else wrote (or first created) the governance since we read it
        }
        ETags.Set(http, governance.Version);
        return TypedResults.Ok(GovernanceResponse.From(id, governance));
    }

    public static async Task<Results<Ok<GovernanceWarningsResponse>, NotFound, ForbidHttpResult>> GetWarnings(
        Guid id, ClaimsPrincipal user, ActorsDbContext db, IOptions<GovernanceOptions> options, IOptions<CoFinancingOptions> coFinancingOptions,
        CancellationToken ct)
    {
        var (collaboration, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var governance = await db.Governance.AsNoTracking().FirstOrDefaultAsync(g => g.CollaborationId == id, ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.CollaborationId == id).ToListAsync(ct);
        var today = CollaborationsApi.Today;
        // Co-financing warnings only for those who may read the co-financing report: a caseworker reads the rest.
        var coFinancing = CoFinancingApi.Decide(user, collaboration!) == AccessDecision.Allow
            ? await CoFinancingApi.ForecastAsync(db, collaboration!, coFinancingOptions.Value, ct)
            : null;
        var warnings = GovernanceWarnings.Evaluate(collaboration!, governance, meetings, today, options.Value, coFinancing);
        return TypedResults.Ok(new GovernanceWarningsResponse(id, today, options.Value.SteeringGroupMeetingIntervalMonths, warnings));
    }

    internal static IReadOnlySet<Guid> CurrentMembers(Collaboration collaboration) =>
        collaboration.CurrentMembers(CollaborationsApi.Today).Select(m => m.ActorId).ToHashSet();
}
