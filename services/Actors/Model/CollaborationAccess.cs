using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Actors.Model;

public enum CollaborationAction { Read, Manage }

public enum AccessDecision { Allow, Forbidden, NotFound }

/// <summary>
/// Who may do what with a collaboration. Admins everything; the owner actor's coordinators manage it;
/// staff of a current member agency read it. Staff of other agencies get NotFound, not Forbidden: a
/// collaboration's existence is itself not theirs to know. Employers are Forbidden outright.
/// </summary>
public static class CollaborationAccess
{
    public static AccessDecision Decide(string? role, Guid? agency, Guid ownerActorId, IEnumerable<Guid> currentMemberIds, CollaborationAction action)
    {
        if (role == Roles.Admin)
            return AccessDecision.Allow;
        if (role is not (Roles.Coordinator or Roles.Caseworker) || agency is null)
            return AccessDecision.Forbidden;
        var isMember = agency == ownerActorId || currentMemberIds.Contains(agency.Value);
        if (!isMember)
            return AccessDecision.NotFound;
        return action switch
        {
            CollaborationAction.Read => AccessDecision.Allow,
            CollaborationAction.Manage when role == Roles.Coordinator && agency == ownerActorId => AccessDecision.Allow,
            _ => AccessDecision.Forbidden,
        };
    }

    /// <summary>
    /// A member actor's own goals are that member's to state (one purpose, different goals): its own
    /// coordinators may change them, as may those who manage the collaboration.
    /// </summary>
    public static AccessDecision DecideMemberGoals(string? role, Guid? agency, Guid ownerActorId, IEnumerable<Guid> currentMemberIds, Guid memberActorId)
    {
        var members = currentMemberIds as ICollection<Guid> ?? currentMemberIds.ToList();
        var read = Decide(role, agency, ownerActorId, members, CollaborationAction.Read);
        if (read != AccessDecision.Allow)
            return read;
        if (role == Roles.Admin || (role == Roles.Coordinator && agency == memberActorId))
            return AccessDecision.Allow;
        return Decide(role, agency, ownerActorId, members, CollaborationAction.Manage);
    }

    /// <summary>
    /// What belongs to one member actor inside a collaboration: its agreement and its assessment answers.
    /// Those who may read the collaboration see it; the member's own coordinators and admins write it.
    /// The owner's coordinators do not write it for the member: each party speaks for itself.
    /// </summary>
    public static AccessDecision DecideMemberOwn(string? role, Guid? agency, Guid ownerActorId, IEnumerable<Guid> currentMemberIds, Guid memberActorId)
    {
        var read = Decide(role, agency, ownerActorId, currentMemberIds, CollaborationAction.Read);
        if (read != AccessDecision.Allow)
            return read;
        return role == Roles.Admin || (role == Roles.Coordinator && agency == memberActorId) ? AccessDecision.Allow : AccessDecision.Forbidden;
    }

    /// <summary>
    /// An actor's own catalogue of interventions: its agency staff (caseworkers and coordinators) and admins
    /// write it. Actors are public, so others are Forbidden rather than NotFound; employers never write.
    /// </summary>
    public static AccessDecision DecideActorOwn(string? role, Guid? agency, Guid actorId) => role switch
    {
        Roles.Admin => AccessDecision.Allow,
        Roles.Coordinator or Roles.Caseworker when agency == actorId => AccessDecision.Allow,
        _ => AccessDecision.Forbidden,
    };
}
