using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Http;
using static Samverkan.Participants.Apis.AccessibleParticipants;
using static Samverkan.Participants.Apis.ParticipantRecords;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Corrections of a participant's non-identifying facts, published as <c>ParticipantUpdated</c>. Optimistic
/// concurrency through the row's xmin as ETag: a write needs If-Match (428 without, 412 when stale).
/// </summary>
public static class ParticipantFactsApi
{
    public static RouteGroupBuilder MapParticipantFactsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/facts", GetFacts)
            .WithSummary("Visa uppgifter vid inskrivning").WithDescription("The participant's non-identifying facts at entry, with an ETag for correction.");
        api.MapPut("/{id:guid}/facts", CorrectFacts)
            .WithSummary("Rätta uppgifter vid inskrivning").WithDescription("Corrects the facts at entry; needs If-Match with the ETag read (412 if changed meanwhile, 428 without).");
        return api;
    }

    public static async Task<Results<Ok<ParticipantFactsResponse>, NotFound>> GetFacts(
        Guid id, HttpContext http, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var participant = await FindAccessibleAsync(id, user, db, authorization, ct);
        if (participant is null)
            return TypedResults.NotFound();
        ETags.Set(http, await VersionAsync(db, id, ct));
        return TypedResults.Ok(ParticipantFactsResponse.From(participant));
    }

    /// <summary>200 with the facts and the new ETag; <c>ParticipantUpdated</c> only when something changed.</summary>
    public static async Task<Results<Ok<ParticipantFactsResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CorrectFacts(
        Guid id, CorrectFactsRequest request, HttpContext http, ClaimsPrincipal user, ParticipantsDbContext db,
        IAuthorizationService authorization, CancellationToken ct)
    {
        if (await FindAccessibleAsync(id, user, db, authorization, ct) is null)
            return TypedResults.NotFound();
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;

        // The row is locked from the version check to the commit, so no write slips in between.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var version = await db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM participants WHERE id = {id} FOR UPDATE")
            .SingleAsync(ct);
        if (version != expected)
            return ETags.Stale();

        var participant = await db.Participants.SingleAsync(p => p.Id == id, ct);
        var targetGroups = (request.TargetGroups ?? []).Distinct().Order().ToList();
        var changed = participant.Gender != request.Gender || participant.MunicipalityCode != request.MunicipalityCode
                      || !targetGroups.SequenceEqual(participant.TargetGroups)
                      || participant.LabourMarketStatusAtEntry != request.LabourMarketStatus || participant.EducationLevelAtEntry != request.EducationLevel;
        if (changed)
        {
            // The model's properties are init-only (set at enrolment); a correction is the one place they change.
            var entry = db.Entry(participant);
            entry.Property(p => p.Gender).CurrentValue = request.Gender!.Value;
            entry.Property(p => p.MunicipalityCode).CurrentValue = request.MunicipalityCode!;
            entry.Property(p => p.TargetGroups).CurrentValue = targetGroups;
            entry.Property(p => p.LabourMarketStatusAtEntry).CurrentValue = request.LabourMarketStatus!.Value;
            entry.Property(p => p.EducationLevelAtEntry).CurrentValue = request.EducationLevel!.Value;
            // Under the row lock taken above: no two corrections can publish the same revision.
            participant.Revision++;
            db.AddIntegrationEvent(new ParticipantUpdated
            {
                ParticipantId = id,
                CollaborationId = participant.CollaborationId,
                Gender = participant.Gender,
                AgeBand = participant.AgeBand,
                MunicipalityCode = participant.MunicipalityCode,
                TargetGroups = participant.TargetGroups,
                LabourMarketStatusAtEntry = participant.LabourMarketStatusAtEntry,
                EducationLevelAtEntry = participant.EducationLevelAtEntry,
                UpdatedAt = DateTimeOffset.UtcNow,
                Revision = participant.Revision,
            });
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        ETags.Set(http, await VersionAsync(db, id, ct));
        return TypedResults.Ok(ParticipantFactsResponse.From(participant));
    }

    private static async Task<uint> VersionAsync(ParticipantsDbContext db, Guid id, CancellationToken ct) =>
        (uint)await db.Database.SqlQuery<long>($"SELECT xmin::text::bigint AS \"Value\" FROM participants WHERE id = {id}").SingleAsync(ct);
}
