using Microsoft.AspNetCore.Mvc;
using Samverkan.Contracts.Participants;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Enrolment and reading of participants. Agency staff only: employers never reach this service. A
/// participant is visible to the referring actor's staff and to the coordinators and admins of the agency that owns
/// its collaboration (<see cref="ParticipantAccessRules"/>); to anyone else it does not exist (404).
/// </summary>
public static class ParticipantsApi
{
    /// <summary>The header that may carry the reason for an identifying read, instead of <c>?reason=</c>.</summary>
    public const string ReasonHeader = "X-Access-Reason";

    public static IEndpointRouteBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/participants").WithTags("Participants").RequireAuthorization(Policies.AgencyStaff);
        api.MapPost("/", EnrolParticipant)
            .WithSummary("Skriv in en deltagare").WithDescription("Enrols a participant referred by the caller's agency into a collaboration it is a member of.")
            .WithRequestExample(new
            {
                collaborationId = Guid.Parse("3f2b8c1e-5d4a-4e7b-9c61-2a8d0f4b7e15"), personalIdentityNumber = "19900101-0017", name = "Anna Andersson",
                municipalityCode = "0880", referringActorId = Guid.Parse("0b6f0c7e-1a2d-4c3b-8e9f-5a4d3c2b1a00"), referralDate = "2026-11-02",
                targetGroups = new[] { "long-term-unemployed" }, benefitAtStart = "activity-support", labourMarketStatus = "long-term-unemployed",
                educationLevel = "upper-secondary-or-post-secondary", startDate = "2026-11-09",
            });
        api.MapPost("/bulk", BulkEnrolmentApi.EnrolBulk)
            .Accepts<List<EnrolParticipantRequest>>("application/json", "text/csv")
            .WithSummary("Skriv in flera deltagare (JSON eller CSV), med resultat per rad")
            .WithDescription(BulkEnrolmentApi.Description);
        api.MapGet("/", ListParticipants)
            .WithSummary("Lista deltagare").WithDescription("The participants the caller may see, without identifying data, paged.");
        api.MapGet("/{id:guid}", GetParticipant)
            .WithSummary("Visa en deltagare").WithDescription("The participant's record; with a reason (?reason= or X-Access-Reason) also the identity, written to the audit log.");
        // Outside the agency-staff group: the platform operator reads the whole log.
        app.MapGet("/api/participants/audit", ListIdentityAccess).WithTags("Participants").RequireAuthorization(Policies.Admin)
            .WithSummary("Logg över identitetsläsningar").WithDescription("Every read of identifying data: who, for which agency, when and why.");
        return app;
    }

    /// <summary>
    /// Enrols a participant: 201 with a new id, or 200 with the existing participant when the same person (same
    /// keyed hash of the number) is already enrolled in the collaboration in a record the caller may see; the first
    /// start date is kept. When the caller may not see that record, 409 saying only that the person cannot be enrolled
    /// in this collaboration now. Every match on the hash is written to the audit log. The collaboration must be known
    /// from Actors and the referring actor (the caller's own agency) a member of it on the referral date.
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
            EnrolmentStatus.NotEnrollable => TypedResults.Problem(
                title: Enrolment.NotEnrollableTitle,
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["field"] = "personalIdentityNumber" }),
            _ => TypedResults.ValidationProblem(outcome.Errors!),
        };
    }

    /// <summary>
    /// The participants the caller may see (their agency's referrals, a coordinator or admin also those of the
    /// collaborations its agency owns), without identifying data,
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

    /// <summary>
    /// The audit log of identifying reads, newest first: for an agency's admin the reads of its own agency's
    /// participants (<see cref="AccessibleParticipants.VisibleTo"/>), for the platform operator every read.
    /// </summary>
    public static async Task<Ok<PagedResult<IdentityAccessResponse>>> ListIdentityAccess(
        ClaimsPrincipal user, ParticipantsDbContext db, CancellationToken ct, Guid? participantId = null, int page = 1, int pageSize = 50)
    {
        (page, pageSize) = Paging.Bound(page, pageSize);
        var query = db.IdentityAccessLog.AsNoTracking();
        if (!ParticipantAccessRules.IsPlatformWide(user))
        {
            var visible = db.Participants.VisibleTo(user, db);
            query = query.Where(a => visible.Any(p => p.Id == a.ParticipantId));
        }
        if (participantId is not null)
            query = query.Where(a => a.ParticipantId == participantId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.AccessedAt).ThenByDescending(a => a.Id)
            .Page(page, pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<IdentityAccessResponse>(items.Select(IdentityAccessResponse.From).ToList(), page, pageSize, total));
    }
}
