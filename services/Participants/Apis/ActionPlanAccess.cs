using Samverkan.Contracts.Participants;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Apis;

/// <summary>How much of a joint action plan the caller sees.</summary>
public enum PlanView
{
    /// <summary>Nothing: the participant does not exist for the caller (404).</summary>
    None = 0,
    /// <summary>Another member agency with a commitment in the plan and an active share-action-plan consent to it: its own commitments only.</summary>
    Committed = 1,
    /// <summary>Those who may see the participant (<see cref="ParticipantAccessRequirement"/>): the whole plan.</summary>
    Full = 2,
}

internal static class ActionPlanAccess
{
    public static async Task<(Participant? Participant, PlanView View)> FindAsync(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (participant is null || await AccessibleParticipants.IsErasedAsync(db, id, ct))
            return (null, PlanView.None);
        if (await AccessibleParticipants.MaySeeAsync(user, participant, authorization))
            return (participant, PlanView.Full);
        var agency = user.GetAgencyId();
        if (agency is null || !(user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Coordinator)))
            return (null, PlanView.None);
        var committed = await db.Set<Commitment>().AnyAsync(c => c.ParticipantId == id && c.ResponsibleActorId == agency, ct)
                        && await HasShareConsentAsync(db, id, agency.Value, ParticipantRecords.Today(), ct);
        return committed ? (participant, PlanView.Committed) : (null, PlanView.None);
    }

    /// <summary>An active consent to share the action plan with <paramref name="agency"/> (the same rule as <see cref="Consent.IsActiveOn"/>).</summary>
    public static Task<bool> HasShareConsentAsync(ParticipantsDbContext db, Guid participantId, Guid agency, DateOnly today, CancellationToken ct) =>
        db.Consents.AnyAsync(c => c.ParticipantId == participantId && c.Purpose == ConsentPurpose.ShareActionPlan && c.RecipientActorId == agency
                                  && c.GivenOn <= today && (c.WithdrawnOn == null || today < c.WithdrawnOn), ct);
}
