using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Participants loaded under the access rules (<see cref="ParticipantAccessRequirement"/>), one way for every
/// endpoint: what the caller may not see comes back absent, and the endpoints answer 404 as if it did not exist.
/// </summary>
internal static class AccessibleParticipants
{
    /// <summary>The participant when the caller may see it and it has not been erased; otherwise null.</summary>
    public static async Task<Participant?> FindAccessibleAsync(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct) =>
        await IsErasedAsync(db, id, ct) ? null : await FindVisibleAsync(id, user, db, authorization, ct);

    /// <summary>
    /// Like <see cref="FindAccessibleAsync(Guid, ClaimsPrincipal, ParticipantsDbContext, IAuthorizationService, CancellationToken)"/>
    /// but an erased participant too: its de-identified record and its consents stay readable after erasure.
    /// </summary>
    public static async Task<Participant?> FindVisibleAsync(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return participant is not null && await MaySeeAsync(user, participant, authorization) ? participant : null;
    }

    /// <summary>Many at once, by id: those the caller may see and that have not been erased; the others are missing.</summary>
    public static async Task<Dictionary<Guid, Participant>> FindAccessibleAsync(
        IReadOnlyCollection<Guid> ids, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var participants = new Dictionary<Guid, Participant>();
        foreach (var participant in await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            if (await MaySeeAsync(user, participant, authorization))
                participants[participant.Id] = participant;
        foreach (var erased in await db.Set<ParticipantErasure>().Where(e => ids.Contains(e.ParticipantId)).Select(e => e.ParticipantId).ToListAsync(ct))
            participants.Remove(erased);
        return participants;
    }

    /// <summary>The resource check itself, for a participant already loaded.</summary>
    public static async Task<bool> MaySeeAsync(ClaimsPrincipal user, Participant participant, IAuthorizationService authorization) =>
        (await authorization.AuthorizeAsync(user, participant, ParticipantAccessRequirement.Instance)).Succeeded;

    /// <summary>
    /// The same rule as <see cref="ParticipantAccessRules"/>, as a query for lists: the agency's own referrals, and for
    /// its coordinators and admins also the participants of the collaborations it owns. The platform operator is no
    /// agency's staff and sees none here; its platform-wide operations (the audit log) say so themselves.
    /// </summary>
    public static IQueryable<Participant> VisibleTo(this IQueryable<Participant> participants, ClaimsPrincipal user, ParticipantsDbContext db)
    {
        var agency = user.GetAgencyId();
        var owned = ParticipantAccessRules.SeesOwnedCollaborations(user);
        return participants.Where(p => p.ReferringActorId == agency
                                       || (owned && db.KnownCollaborations.Any(c => c.Id == p.CollaborationId && c.OwnerActorId == agency)));
    }

    public static Task<bool> IsErasedAsync(ParticipantsDbContext db, Guid id, CancellationToken ct) =>
        db.Set<ParticipantErasure>().AnyAsync(e => e.ParticipantId == id, ct);
}
