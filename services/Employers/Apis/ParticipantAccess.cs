using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Employers.Consumers;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Employers.Apis;

/// <summary>How the caller's agency stands to a participant.</summary>
public enum ParticipantRelation
{
    /// <summary>Neither its own nor shared with it: the participant does not exist for the caller (404).</summary>
    None,
    /// <summary>A consent in force names the caller's agency as recipient: it reads and acts (proposes), but does not rewrite the profile.</summary>
    Recipient,
    /// <summary>The caller's agency referred the participant (the referring actor of an enrolment): everything.</summary>
    Own,
}

/// <summary>
/// The one rule for reaching a participant's data in this service — its matching profile, its place among an offer's
/// candidates, proposing it into a pipeline. Only agency staff (caseworker, coordinator, admin; an admin, like the
/// others, for its own agency only, read from the <c>agency</c> claim) of
/// <list type="bullet">
/// <item>the participant's own agency: the referring actor of one of its enrolments (<c>ParticipantEnrolled</c>), or</item>
/// <item>an agency named as recipient by a consent in force (<c>ConsentGiven</c>, not withdrawn).</item>
/// </list>
/// The operator and employer users never reach a participant here (employers see candidates under pseudonyms, by the
/// matching rules). An erased participant is reached by nobody. Every refusal is the same 404, so that an id enrolled
/// by another agency cannot be told from one nobody enrolled.
/// </summary>
public static class ParticipantAccess
{
    public static async Task<ParticipantRelation> RelationAsync(ClaimsPrincipal user, Guid participantId, EmployersDbContext db, CancellationToken ct)
    {
        if (AgencyOf(user) is not { } agency || await Erasures.IsErasedAsync(db, participantId, ct))
            return ParticipantRelation.None;
        if (await db.Enrolments.AnyAsync(e => e.ParticipantId == participantId && e.ReferringActorId == agency, ct))
            return ParticipantRelation.Own;
        return await ConsentedTo(db, agency).AnyAsync(c => c.ParticipantId == participantId, ct)
            ? ParticipantRelation.Recipient
            : ParticipantRelation.None;
    }

    /// <summary>
    /// The same rule for a profile in the matching index, which keeps the agencies reaching each participant
    /// (<see cref="ReachingAgenciesAsync"/>), so that an offer's candidates are filtered in memory.
    /// </summary>
    public static bool Reaches(ClaimsPrincipal user, CompiledProfile profile) =>
        AgencyOf(user) is { } agency && profile.ReachedBy.Contains(agency);

    /// <summary>
    /// Per participant of <paramref name="participantIds"/> (all when null), the actors that reach it: the referring actors
    /// of its enrolments and the recipients of its consents in force. Erasure deletes an id's enrolments and consents and
    /// the tombstone keeps new ones out, so an erased id has none.
    /// </summary>
    public static async Task<ILookup<Guid, Guid>> ReachingAgenciesAsync(EmployersDbContext db, IReadOnlyCollection<Guid>? participantIds, CancellationToken ct)
    {
        var enrolments = db.Enrolments.AsNoTracking();
        var consents = db.ParticipantConsents.AsNoTracking().Where(c => c.GivenOn != null && c.WithdrawnAt == null);
        if (participantIds is not null)
        {
            enrolments = enrolments.Where(e => participantIds.Contains(e.ParticipantId));
            consents = consents.Where(c => participantIds.Contains(c.ParticipantId));
        }
        var pairs = await enrolments.Select(e => new { e.ParticipantId, ActorId = e.ReferringActorId })
            .Union(consents.Select(c => new { c.ParticipantId, ActorId = c.RecipientActorId }))
            .ToListAsync(ct);
        return pairs.ToLookup(p => p.ParticipantId, p => p.ActorId);
    }

    /// <summary>
    /// The refusal. 404 rather than 403 or 409, also for an id not (yet) known as enrolled: a different answer for
    /// "enrolled by another agency" and "unknown" would tell a caller which ids are participants elsewhere.
    /// </summary>
    public static ProblemHttpResult NotFound(Guid participantId) => TypedResults.Problem(
        title: "No such participant for your agency.",
        detail: $"Participant {participantId} is, as far as this service knows, neither enrolled by your agency nor shared with it by a " +
            "consent in force. An enrolment made a moment ago may still be on its way from Participants: retry shortly.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["field"] = "participantId" });

    /// <summary>A consented recipient may read the profile; only the participant's own agency rewrites it.</summary>
    public static ProblemHttpResult OwnAgencyOnly() => TypedResults.Problem(
        title: "Only the participant's own agency changes the matching profile.",
        detail: "The participant's consent shares it with your agency for reading; ask the referring agency to make the change.",
        statusCode: StatusCodes.Status403Forbidden);

    private static Guid? AgencyOf(ClaimsPrincipal user) => EmployerAccess.IsStaff(user) ? user.GetAgencyId() : null;

    private static IQueryable<ParticipantConsent> ConsentedTo(EmployersDbContext db, Guid agency) =>
        db.ParticipantConsents.Where(c => c.RecipientActorId == agency && c.GivenOn != null && c.WithdrawnAt == null);
}
