using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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
        if (AgencyOf(user) is not { } agency || await db.ErasedParticipants.AnyAsync(e => e.ParticipantId == participantId, ct))
            return ParticipantRelation.None;
        if (await db.Enrolments.AnyAsync(e => e.ParticipantId == participantId && e.ReferringActorId == agency, ct))
            return ParticipantRelation.Own;
        return await ConsentedTo(db, agency).AnyAsync(c => c.ParticipantId == participantId, ct)
            ? ParticipantRelation.Recipient
            : ParticipantRelation.None;
    }

    /// <summary>Every participant the caller reaches (own or consented to its agency); empty for anyone but agency staff.</summary>
    public static async Task<HashSet<Guid>> ReachableAsync(ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct)
    {
        if (AgencyOf(user) is not { } agency)
            return [];
        // Erasure deletes an id's enrolments and consents and the tombstone keeps new ones out, so no erased id is here.
        var own = db.Enrolments.Where(e => e.ReferringActorId == agency).Select(e => e.ParticipantId);
        var shared = ConsentedTo(db, agency).Select(c => c.ParticipantId);
        return (await own.Union(shared).ToListAsync(ct)).ToHashSet();
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
