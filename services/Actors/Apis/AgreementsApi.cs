using System.Security.Claims;
using MassTransit;
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
/// Agreements under a collaboration. Whoever may read the collaboration reads its agreements; each member
/// actor's own coordinators (and admins) draft, edit, sign and amend that member's agreement; the owner's
/// coordinators may also terminate one. Every write after creation needs If-Match.
/// </summary>
public static class AgreementsApi
{
    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collaborations/{collaborationId:guid}/agreements").WithTags("Agreements")
            .RequireAuthorization(Policies.AgencyStaff);
        api.MapPost("/", CreateAgreement).RequireAuthorization(Policies.Coordinator);
        api.MapGet("/", ListAgreements);
        api.MapGet("/{id:guid}", GetAgreement);
        api.MapPut("/{id:guid}", (Guid collaborationId, Guid id, AgreementTermsRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct) =>
            Change(collaborationId, id, user, http, db, ct, Intent.Own, AgreementRules.Validate(request), a => a.EditDraft(AgreementRules.ToModel(request), DateTimeOffset.UtcNow))).RequireAuthorization(Policies.Coordinator);
        api.MapPost("/{id:guid}/amendments", (Guid collaborationId, Guid id, AgreementTermsRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct) =>
            Change(collaborationId, id, user, http, db, ct, Intent.Own, AgreementRules.Validate(request), a => a.Amend(AgreementRules.ToModel(request), DateTimeOffset.UtcNow))).RequireAuthorization(Policies.Coordinator);
        api.MapPost("/{id:guid}/sign", (Guid collaborationId, Guid id, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct) =>
            Change(collaborationId, id, user, http, db, ct, Intent.Own, [], a => Signed(db, a))).RequireAuthorization(Policies.Coordinator);
        api.MapPost("/{id:guid}/terminate", (Guid collaborationId, Guid id, TerminateAgreementRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct) =>
            Change(collaborationId, id, user, http, db, ct, Intent.Terminate, [], a => Terminated(db, a, request.TerminatedOn ?? CollaborationsApi.Today))).RequireAuthorization(Policies.Coordinator);
        return app;
    }

    private enum Intent { Own, Terminate }

    public static async Task<Results<Created<AgreementResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> CreateAgreement(
        Guid collaborationId, CreateAgreementRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == collaborationId, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        var actorId = request.ActorId ?? user.GetAgencyId() ?? Guid.Empty;
        switch (Decide(user, collaboration, actorId, Intent.Own))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var errors = AgreementRules.Validate(request);
        if (!collaboration.CurrentMembers(CollaborationsApi.Today).Any(m => m.ActorId == actorId))
            errors["actorId"] = ["Only a current member of the collaboration can have an agreement in it."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var agreement = Agreement.Draft(NewId.NextSequentialGuid(), collaborationId, actorId, AgreementRules.ToModel(request), DateTimeOffset.UtcNow);
        db.Agreements.Add(agreement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(
                title: "This member already has an agreement in this collaboration.",
                detail: "Amend the existing agreement instead: amendments keep the history as versions.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["field"] = "actorId" });
        }
        ETags.Set(http, agreement.Version);
        return TypedResults.Created($"/api/collaborations/{collaborationId}/agreements/{agreement.Id}", AgreementResponse.From(agreement));
    }

    public static async Task<Results<Ok<List<AgreementResponse>>, NotFound, ForbidHttpResult>> ListAgreements(
        Guid collaborationId, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == collaborationId, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        switch (CollaborationsApi.Decide(user, collaboration, CollaborationAction.Read))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.CollaborationId == collaborationId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(agreements.Select(AgreementResponse.From).ToList());
    }

    public static async Task<Results<Ok<AgreementResponse>, NotFound, ForbidHttpResult>> GetAgreement(
        Guid collaborationId, Guid id, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == collaborationId, ct);
        var agreement = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.CollaborationId == collaborationId, ct);
        if (collaboration is null || agreement is null)
            return TypedResults.NotFound();
        switch (CollaborationsApi.Decide(user, collaboration, CollaborationAction.Read))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        ETags.Set(http, agreement.Version);
        return TypedResults.Ok(AgreementResponse.From(agreement));
    }

    /// <summary>Load, authorize, check If-Match, validate, apply one transition, save: the shape of every agreement write.</summary>
    private static async Task<Results<Ok<AgreementResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Change(
        Guid collaborationId, Guid id, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct,
        Intent intent, Dictionary<string, string[]> errors, Func<Agreement, string?> transition)
    {
        var collaboration = await db.Collaborations.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == collaborationId, ct);
        var agreement = await db.Agreements.FirstOrDefaultAsync(a => a.Id == id && a.CollaborationId == collaborationId, ct);
        if (collaboration is null || agreement is null)
            return TypedResults.NotFound();
        switch (Decide(user, collaboration, agreement.ActorId, intent))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != agreement.Version)
            return ETags.Stale();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (transition(agreement) is { } refused)
            return TypedResults.Problem(title: "The agreement cannot make this change in its current state.", detail: refused,
                statusCode: StatusCodes.Status409Conflict);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale();
        }
        ETags.Set(http, agreement.Version);
        return TypedResults.Ok(AgreementResponse.From(agreement));
    }

    /// <summary>Signing version 1 is AgreementSigned; signing a later version is an amendment taking effect.</summary>
    private static string? Signed(ActorsDbContext db, Agreement agreement)
    {
        var now = DateTimeOffset.UtcNow;
        if (agreement.Sign(now) is { } refused)
            return refused;
        var version = agreement.Latest;
        var contributions = AgreementRules.ForEvent(version.Terms);
        if (version.Number == 1)
            db.AddIntegrationEvent(new AgreementSigned
            {
                AgreementId = agreement.Id, CollaborationId = agreement.CollaborationId, ActorId = agreement.ActorId, Version = 1,
                ValidFrom = version.Terms.ValidFrom, ValidTo = version.Terms.ValidTo, Contributions = contributions, SignedAt = now,
            });
        else
            db.AddIntegrationEvent(new AgreementAmended
            {
                AgreementId = agreement.Id, CollaborationId = agreement.CollaborationId, ActorId = agreement.ActorId, Version = version.Number,
                ValidFrom = version.Terms.ValidFrom, ValidTo = version.Terms.ValidTo, Contributions = contributions, SignedAt = now,
            });
        return null;
    }

    private static string? Terminated(ActorsDbContext db, Agreement agreement, DateOnly on)
    {
        var now = DateTimeOffset.UtcNow;
        if (agreement.Terminate(on, now) is { } refused)
            return refused;
        db.AddIntegrationEvent(new AgreementTerminated
        {
            AgreementId = agreement.Id, CollaborationId = agreement.CollaborationId, ActorId = agreement.ActorId, TerminatedOn = on, OccurredAt = now,
        });
        return null;
    }

    /// <summary>
    /// Readers of the collaboration see its agreements; a member's own coordinators manage that member's
    /// agreement; terminating is also open to whoever manages the collaboration (its owner's coordinators).
    /// </summary>
    private static AccessDecision Decide(ClaimsPrincipal user, Collaboration collaboration, Guid agreementActorId, Intent intent)
    {
        var own = CollaborationsApi.DecideMemberOwn(user, collaboration, agreementActorId);
        if (own != AccessDecision.Forbidden)
            return own;
        if (intent == Intent.Terminate && CollaborationsApi.Decide(user, collaboration, CollaborationAction.Manage) == AccessDecision.Allow)
            return AccessDecision.Allow;
        return AccessDecision.Forbidden;
    }
}
