using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Actors.Apis;

/// <summary>
/// Co-financing: the plan of hours on benefit each contributing actor promises per year, and the report of the hours
/// recorded against it with the forecast at the current pace (<see cref="CoFinancingForecast"/>). Read as
/// <see cref="CollaborationAccess.DecideCoFinancing"/> says; the plan is written by those who manage the collaboration.
/// </summary>
public static class CoFinancingApi
{
    public static IEndpointRouteBuilder MapCoFinancingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collaborations/{id:guid}/co-financing").WithTags("Co-financing").RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/", GetReport);
        api.MapGet("/plan", GetPlan);
        api.MapPut("/plan", UpdatePlan).RequireAuthorization(Policies.Coordinator)
            .WithRequestExample(new
            {
                lines = new object[]
                {
                    new { year = 2026, actorId = "3fa85f64-5717-4562-b3fc-2c963f66afa6", benefitType = "activity-support", hours = 12000 },
                    new { year = 2026, actorId = "3fa85f64-5717-4562-b3fc-2c963f66afa7", benefitType = "financial-assistance", amount = 900000, hourlyValue = 150 },
                },
            });
        return app;
    }

    public static async Task<Results<Ok<CoFinancingReportResponse>, NotFound, ForbidHttpResult>> GetReport(
        Guid id, ClaimsPrincipal user, ActorsDbContext db, IOptions<CoFinancingOptions> options, CancellationToken ct)
    {
        var (collaboration, access) = await LoadAsync(db, id, user, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var forecast = await ForecastAsync(db, collaboration!, options.Value, ct);
        return TypedResults.Ok(CoFinancingReportResponse.From(id, forecast));
    }

    /// <summary>A collaboration without a plan yet reads as empty with ETag "0", so the first PUT follows the same rule as the rest.</summary>
    public static async Task<Results<Ok<CoFinancingPlanResponse>, NotFound, ForbidHttpResult>> GetPlan(
        Guid id, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var (_, access) = await LoadAsync(db, id, user, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var plan = await db.CoFinancingPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CollaborationId == id, ct);
        ETags.Set(http, plan?.Version ?? 0);
        return TypedResults.Ok(CoFinancingPlanResponse.From(id, plan));
    }

    /// <summary>Replaces the plan. Owner's coordinators and admins; If-Match required.</summary>
    public static async Task<Results<Ok<CoFinancingPlanResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdatePlan(
        Guid id, CoFinancingPlanRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var (collaboration, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Manage, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var plan = await db.CoFinancingPlans.FirstOrDefaultAsync(p => p.CollaborationId == id, ct);
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != (plan?.Version ?? 0))
            return ETags.Stale();
        if (CoFinancingRules.Validate(request, collaboration!) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);

        if (plan is null)
        {
            plan = new CoFinancingPlan { CollaborationId = id };
            db.CoFinancingPlans.Add(plan);
        }
        plan.Lines = CoFinancingRules.ToModel(request);
        plan.UpdatedAt = DateTimeOffset.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException
            || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ETags.Stale(); // someone else wrote (or first created) the plan since we read it
        }
        ETags.Set(http, plan.Version);
        return TypedResults.Ok(CoFinancingPlanResponse.From(id, plan));
    }

    /// <summary>The plan and the collaboration's recorded hours (summed by month and benefit) through the forecast rules, as of today.</summary>
    internal static async Task<CoFinancingForecastResult> ForecastAsync(ActorsDbContext db, Collaboration collaboration, CoFinancingOptions options, CancellationToken ct)
    {
        var plan = await db.CoFinancingPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CollaborationId == collaboration.Id, ct);
        var recorded = await db.ParticipantMonthHours.AsNoTracking().Where(h => h.CollaborationId == collaboration.Id)
            .GroupBy(h => new { h.Month, h.BenefitAtStart })
            .Select(g => new { g.Key.Month, g.Key.BenefitAtStart, Hours = g.Sum(h => h.Hours) })
            .ToListAsync(ct);
        return CoFinancingForecast.Evaluate(collaboration.StartDate, collaboration.EndDate, plan?.Lines ?? [],
            recorded.Select(r => new RecordedMonth(r.Month, r.BenefitAtStart, r.Hours)), CollaborationsApi.Today, options.ShortfallWarningShare);
    }

    private static async Task<(Collaboration? Collaboration, AccessDecision Access)> LoadAsync(
        ActorsDbContext db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        return collaboration is null ? (null, AccessDecision.NotFound) : (collaboration, Decide(user, collaboration));
    }

    /// <summary>Who may see co-financing figures, wherever they appear (the report, the plan, the governance warnings).</summary>
    internal static AccessDecision Decide(ClaimsPrincipal user, Collaboration collaboration) =>
        CollaborationAccess.DecideCoFinancing(user.GetRole(), user.GetAgencyId(), collaboration.OwnerActorId,
            collaboration.CurrentMembers(CollaborationsApi.Today).Select(m => m.ActorId));
}
