using Microsoft.AspNetCore.Mvc;
using Samverkan.Contracts.Participants;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Enrolment and reading of participants. Agency staff only: employers never reach this service. A
/// participant is visible to admins, to the referring actor's staff and to the coordinators of the agency that owns
/// its collaboration; to anyone else it does not exist (404).
/// </summary>
public static class ParticipantsApi
{
    /// <summary>The header that may carry the reason for an identifying read, instead of <c>?reason=</c>.</summary>
    public const string ReasonHeader = "X-Access-Reason";

    public static IEndpointRouteBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/participants").WithTags("Participants").RequireAuthorization(Policies.AgencyStaff);
        api.MapPost("/", EnrolParticipant);
        api.MapPost("/bulk", BulkEnrolmentApi.EnrolBulk)
            .Accepts<List<EnrolParticipantRequest>>("application/json", "text/csv")
            .WithSummary("Bulk enrolment (JSON array or CSV), with a result per row")
            .WithDescription(BulkEnrolmentApi.Description);
        api.MapGet("/", ListParticipants);
        api.MapGet("/{id:guid}", GetParticipant);
        api.MapGet("/audit", ListIdentityAccess).RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>
    /// Enrols a participant: 201 with a new id, or 200 with the existing participant when the same person (same
    /// keyed hash of the number) is already enrolled in the collaboration; the first start date is kept. The
    /// collaboration must be known from Actors and the referring actor a member of it on the referral date.
    /// </summary>
    public static async Task<Results<Created<ParticipantResponse>, Ok<ParticipantResponse>, ValidationProblem, ProblemHttpResult>> EnrolParticipant(
        EnrolParticipantRequest request, ClaimsPrincipal user, ParticipantsDbContext db, IdentityProtector protector,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var outcome = (await new Enrolment(db, protector, authorization).EnrolAsync([request], user, ct)).Single();
        return outcome.Status switch
        {
            EnrolmentStatus.Created => TypedResults.Created($"/api/participants/{outcome.Participant!.Id}", ParticipantResponse.From(outcome.Participant)),
            EnrolmentStatus.AlreadyEnrolled => TypedResults.Ok(ParticipantResponse.From(outcome.Participant!)),
            EnrolmentStatus.Forbidden => TypedResults.Problem(
                title: "Only your own agency can be the referring actor.",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["field"] = "referringActorId" }),
            EnrolmentStatus.EnrolledByAnother => TypedResults.Problem(
                title: "This person is already enrolled in the collaboration by another actor.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["field"] = "personalIdentityNumber" }),
            _ => TypedResults.ValidationProblem(outcome.Errors!),
        };
    }

    /// <summary>
    /// The participants the caller may see (their agency's referrals, a coordinator also those of the collaborations
    /// its agency owns; all for an admin), without identifying data,
    /// optionally in one collaboration.
    /// </summary>
    public static async Task<Ok<PagedResult<ParticipantResponse>>> ListParticipants(
        ClaimsPrincipal user, ParticipantsDbContext db, CancellationToken ct, Guid? collaborationId = null, int page = 1, int pageSize = 50)
    {
        (page, pageSize) = Paging.Bound(page, pageSize);
        var query = db.Participants.AsNoTracking().VisibleTo(user, db);
        if (collaborationId is not null)
            query = query.Where(p => p.CollaborationId == collaborationId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.StartDate).ThenBy(p => p.Id).Page(page, pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<ParticipantResponse>(items.Select(ParticipantResponse.From).ToList(), page, pageSize, total));
    }

    /// <summary>
    /// The participant's record. With a reason (<c>?reason=</c> or the <c>X-Access-Reason</c> header) it includes the
    /// identifying data, and the read is written to the audit log before anything is returned.
    /// </summary>
    public static async Task<Results<Ok<ParticipantResponse>, NotFound, ValidationProblem>> GetParticipant(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IdentityProtector protector, IAuthorizationService authorization,
        CancellationToken ct, string? reason = null, [FromHeader(Name = ReasonHeader)] string? reasonHeader = null)
    {
        var why = IdentifyingReads.Reason(reason, reasonHeader);
        if (IdentifyingReads.ReasonError(why) is { } invalid)
            return invalid;

        var participant = await AccessibleParticipants.FindVisibleAsync(id, user, db, authorization, ct);
        if (participant is null)
            return TypedResults.NotFound();

        var response = ParticipantResponse.From(participant);
        if (string.IsNullOrEmpty(why))
            return TypedResults.Ok(response);
        await IdentifyingReads.AuditAsync(db, user, participant.Id, why, ct);
        return TypedResults.Ok(IdentifyingReads.WithIdentity(response, participant, protector));
    }

    /// <summary>The audit log of identifying reads, newest first; admins only.</summary>
    public static async Task<Ok<PagedResult<IdentityAccessResponse>>> ListIdentityAccess(
        ParticipantsDbContext db, CancellationToken ct, Guid? participantId = null, int page = 1, int pageSize = 50)
    {
        (page, pageSize) = Paging.Bound(page, pageSize);
        var query = db.IdentityAccessLog.AsNoTracking();
        if (participantId is not null)
            query = query.Where(a => a.ParticipantId == participantId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.AccessedAt).ThenByDescending(a => a.Id)
            .Page(page, pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<IdentityAccessResponse>(items.Select(IdentityAccessResponse.From).ToList(), page, pageSize, total));
    }
}
