using Microsoft.AspNetCore.Mvc;
using Samverkan.Contracts.Participants;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;
using static Samverkan.Participants.Apis.AccessibleParticipants;
using static Samverkan.Participants.Apis.ParticipantRecords;

namespace Samverkan.Participants.Apis;

/// <summary>
/// The participant's rights: export of the whole record, and erasure on a lawful request (the admins of the agencies
/// that may see the participant, and the platform operator for any agency's).
/// </summary>
public static class RecordApi
{
    private const string DefaultExportReason = "Export of the participant's record";

    public static RouteGroupBuilder MapRecordApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/export", ExportParticipant)
            .WithSummary("Registerutdrag").WithDescription("The whole record as JSON, identity included; audited like every identifying read.");
        return api;
    }

    /// <summary>Erasure, outside the agency-staff group: the platform operator may erase too.</summary>
    public static IEndpointRouteBuilder MapErasureApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/participants/{id:guid}/erasure", EraseParticipant).WithTags("Record").RequireAuthorization(Policies.Admin)
            .WithSummary("Radera på begäran").WithDescription("Erases the participant's identifying data and free texts on a lawful request; aggregate facts stay.");
        return app;
    }

    /// <summary>
    /// The whole record as JSON, identifying data included; like every identifying read it is written to the audit
    /// log first (reason from <c>?reason=</c> or <c>X-Access-Reason</c>, else "Export of the participant's record").
    /// </summary>
    public static async Task<Results<Ok<ParticipantExport>, NotFound, ValidationProblem>> ExportParticipant(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IdentityProtector protector, IAuthorizationService authorization,
        CancellationToken ct, string? reason = null, [FromHeader(Name = ParticipantsApi.ReasonHeader)] string? reasonHeader = null)
    {
        var why = IdentifyingReads.Reason(reason, reasonHeader);
        if (IdentifyingReads.ReasonError(why) is { } invalid)
            return invalid;
        var participant = await FindAccessibleAsync(id, user, db, authorization, ct);
        if (participant is null)
            return TypedResults.NotFound();
        await IdentifyingReads.AuditAsync(db, user, id, string.IsNullOrEmpty(why) ? DefaultExportReason : why, ct);

        var entries = await db.Set<PlanEntry>().AsNoTracking().Where(e => e.ParticipantId == id).OrderBy(e => e.RecordedAt).ToListAsync(ct);
        var commitments = await db.Set<Commitment>().AsNoTracking().Where(c => c.ParticipantId == id).OrderBy(c => c.StartDate).ToListAsync(ct);
        var exit = await ExitOfAsync(db, id, ct);
        return TypedResults.Ok(new ParticipantExport
        {
            ExportedAt = DateTimeOffset.UtcNow,
            Participant = IdentifyingReads.WithIdentity(ParticipantResponse.From(participant), participant, protector),
            Consents = (await db.Consents.AsNoTracking().Where(c => c.ParticipantId == id).OrderBy(c => c.GivenOn).ToListAsync(ct))
                .Select(ConsentResponse.From).ToList(),
            ActionPlan = new ActionPlanResponse(id, true,
                entries.Where(e => e.Kind == PlanEntryKind.Goal).Select(PlanEntryResponse.From).ToList(),
                entries.Where(e => e.Kind == PlanEntryKind.Step).Select(PlanEntryResponse.From).ToList(),
                commitments.Select(CommitmentResponse.From).ToList()),
            Hours = (await db.Set<ParticipationHours>().AsNoTracking().Where(h => h.ParticipantId == id).OrderBy(h => h.Date).ToListAsync(ct))
                .Select(HoursEntryResponse.From).ToList(),
            Validations = (await db.Set<SkillsValidation>().AsNoTracking().Where(v => v.ParticipantId == id).OrderBy(v => v.Date).ToListAsync(ct))
                .Select(ValidationResponse.From).ToList(),
            Exit = exit is null ? null : ExitResponse.From(exit),
            FollowUps = (await db.Set<FollowUp>().AsNoTracking().Where(f => f.ParticipantId == id).OrderBy(f => f.Point).ToListAsync(ct))
                .Select(FollowUpResponse.From).ToList(),
            IdentifyingReads = (await db.IdentityAccessLog.AsNoTracking().Where(a => a.ParticipantId == id).OrderBy(a => a.AccessedAt).ToListAsync(ct))
                .Select(IdentityAccessResponse.From).ToList(),
        });
    }

    /// <summary>
    /// Erases the record on a lawful request: 200 with the erasure, published as <c>ParticipantErased</c>; 409 when
    /// already erased. Afterwards the participant is 404 on these endpoints. An agency's admin erases only the
    /// participants it may see (404 otherwise); the platform operator any.
    /// </summary>
    public static async Task<Results<Ok<ErasureResponse>, NotFound, ValidationProblem, ProblemHttpResult>> EraseParticipant(
        Guid id, EraseParticipantRequest request, ClaimsPrincipal user, ParticipantsDbContext db, ParticipantEraser eraser,
        IAuthorizationService authorization, CancellationToken ct)
    {
        if (request.Reason != ErasureReason.LawfulRequest)
            return Invalid("reason", "Only lawful-request: records past retention are erased by the retention job.");
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (participant is null || !(ParticipantAccessRules.IsPlatformWide(user) || await MaySeeAsync(user, participant, authorization)))
            return TypedResults.NotFound();
        var erasure = await eraser.EraseAsync(participant, ErasureReason.LawfulRequest, Who(user), ct);
        return erasure is null
            ? Conflict("The participant's record is already erased.")
            : TypedResults.Ok(new ErasureResponse(id, erasure.Reason, erasure.ErasedAt));
    }
}
