using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Security;

/// <summary>
/// Resource-based check on one participant: the referring actor's own staff (caseworkers, coordinators and admins
/// whose <c>agency</c> is the referring actor), and the coordinators and admins of the agency that owns the
/// participant's collaboration (as Actors last said). An admin is its own agency's, never another's. Everyone else
/// is answered 404, as if the participant did not exist.
/// </summary>
public sealed class ParticipantAccessRequirement : IAuthorizationRequirement
{
    public static readonly ParticipantAccessRequirement Instance = new();
}

/// <summary>Scoped: it reads the collaboration's owner from the request's <see cref="ParticipantsDbContext"/>.</summary>
public sealed class ParticipantAccessHandler(ParticipantsDbContext db) : AuthorizationHandler<ParticipantAccessRequirement, Participant>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ParticipantAccessRequirement requirement, Participant resource)
    {
        var user = context.User;
        if (ParticipantAccessRules.MaySee(user, resource.ReferringActorId, collaborationOwnerId: null))
        {
            context.Succeed(requirement);
            return;
        }
        // Only coordinators and admins gain access through ownership, so only then is the owner looked up.
        if (!ParticipantAccessRules.SeesOwnedCollaborations(user) || user.GetAgencyId() is null)
            return;
        var owner = await db.KnownCollaborations.AsNoTracking()
            .Where(c => c.Id == resource.CollaborationId).Select(c => (Guid?)c.OwnerActorId).FirstOrDefaultAsync();
        if (ParticipantAccessRules.MaySee(user, resource.ReferringActorId, owner))
            context.Succeed(requirement);
    }
}

/// <summary>The rules themselves, without I/O.</summary>
public static class ParticipantAccessRules
{
    /// <param name="user">The caller.</param>
    /// <param name="referringActorId">The agency that referred the participant.</param>
    /// <param name="collaborationOwnerId">The owner of the participant's collaboration, when known.</param>
    public static bool MaySee(ClaimsPrincipal user, Guid referringActorId, Guid? collaborationOwnerId)
    {
        var agency = user.GetAgencyId();
        if (agency is null)
            return false;
        var staff = user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);
        if (staff && agency == referringActorId)
            return true;
        return SeesOwnedCollaborations(user) && agency == collaborationOwnerId;
    }

    /// <summary>Coordinators and admins see the participants of the collaborations their agency owns, too.</summary>
    public static bool SeesOwnedCollaborations(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    /// <summary>
    /// The platform-wide operations, the platform operator's alone: the whole audit log of identifying reads, and
    /// erasure of any agency's participant. The operator reads no participant record (it is not agency staff).
    /// </summary>
    public static bool IsPlatformWide(ClaimsPrincipal user) => user.IsInRole(Roles.Operator);
}
