using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Security;

/// <summary>
/// Resource-based check on one participant: admins; the referring actor's own staff (caseworkers and
/// coordinators whose <c>agency</c> is the referring actor); and the collaboration's coordinators (role
/// coordinator whose agency owns the collaboration, as Actors last said). Everyone else is answered 404, as if
/// the participant did not exist.
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
        // Only a coordinator can gain access through ownership, so only then is the owner looked up.
        if (!user.IsInRole(Roles.Coordinator) || user.GetAgencyId() is null)
            return;
        var owner = await db.KnownCollaborations.AsNoTracking()
            .Where(c => c.Id == resource.CollaborationId).Select(c => (Guid?)c.OwnerActorId).FirstOrDefaultAsync();
        if (ParticipantAccessRules.MaySee(user, resource.ReferringActorId, owner))
            context.Succeed(requirement);
    }
}

/// <summary>The rule itself, without I/O.</summary>
public static class ParticipantAccessRules
{
    /// <param name="collaborationOwnerId">The owner of the participant's collaboration, when known.</param>
    public static bool MaySee(ClaimsPrincipal user, Guid referringActorId, Guid? collaborationOwnerId)
    {
        if (user.IsInRole(Roles.Admin))
            return true;
        var agency = user.GetAgencyId();
        if (agency is null)
            return false;
        if ((user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Coordinator)) && agency == referringActorId)
            return true;
        return user.IsInRole(Roles.Coordinator) && agency == collaborationOwnerId;
    }
}
