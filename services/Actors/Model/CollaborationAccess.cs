using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Actors.Model;

public enum CollaborationAction { Read, Manage }

public enum AccessDecision { Allow, Forbidden, NotFound }

/// <summary>
/// Who may do what with a collaboration. Staff (caseworkers, coordinators, admins) of the owner or of a current
/// member agency read it; the owner's coordinators and admins manage it. An admin is its own agency's: it has no
/// say over a collaboration its agency is not in. Staff of other agencies get NotFound, not Forbidden: a
/// collaboration's existence is itself not theirs to know. Employers (and the platform operator, who manages no
/// agency's records) are Forbidden outright.
/// </summary>
public static class CollaborationAccess
{
    public static AccessDecision Decide(string? role, Guid? agency, Guid ownerActorId, IEnumerable<Guid> currentMemberIds, CollaborationAction action)
    {
        if (role is not (Roles.Coordinator or Roles.Caseworker or Roles.Admin) || agency is null)
            return AccessDecision.Forbidden;
        var isMember = agency == ownerActorId || currentMemberIds.Contains(agency.Value);
        if (!isMember)
            return AccessDecision.NotFound;
        return action switch
        {
            CollaborationAction.Read => AccessDecision.Allow,
            CollaborationAction.Manage when SpeaksFor(role, agency, ownerActorId) => AccessDecision.Allow,
            _ => AccessDecision.Forbidden,
        };
    }

    /// <summary>
    /// Co-financing (the plan and the report of hours against it), a matter of the project's finances: the coordinators
    /// and admins of the owner and of current members, and the platform operator, as for a collaboration's reports in
    /// Reporting. Caseworkers of those agencies are Forbidden; staff of other agencies NotFound; employers Forbidden.
    /// </summary>
    public static AccessDecision DecideCoFinancing(string? role, Guid? agency, Guid ownerActorId, IEnumerable<Guid> currentMemberIds)
    {
        if (role == Roles.Operator)
            return AccessDecision.Allow;
        var read = Decide(role, agency, ownerActorId, currentMemberIds, CollaborationAction.Read);
        if (read != AccessDecision.Allow)
            return read;
        return role is Roles.Coordinator or Roles.Admin ? AccessDecision.Allow : AccessDecision.Forbidden;
    }

    /// <summary>
    /// A member actor's own goals are that member's to state (one purpose, different goals): its own
    /// coordinators and admins may change them, as may those who manage the collaboration.
    /// </summary>
    public static AccessDecision DecideMemberGoals(string? role, Guid? agency, Guid ownerActorId, IEnumerable<Guid> currentMemberIds, Guid memberActorId)
    {
        var members = currentMemberIds as ICollection<Guid> ?? currentMemberIds.ToList();
        var read = Decide(role, agency, ownerActorId, members, CollaborationAction.Read);
        if (read != AccessDecision.Allow)
            return read;
        if (SpeaksFor(role, agency, memberActorId))
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
        return SpeaksFor(role, agency, memberActorId) ? AccessDecision.Allow : AccessDecision.Forbidden;
    }

    /// <summary>
    /// An actor's own record and catalogue of interventions: its agency staff (caseworkers, coordinators and its
    /// admins) write the catalogue. Actors are public, so others are Forbidden rather than NotFound; employers never write.
    /// </summary>
    public static AccessDecision DecideActorOwn(string? role, Guid? agency, Guid actorId) => role switch
    {
        Roles.Admin or Roles.Coordinator or Roles.Caseworker when agency == actorId => AccessDecision.Allow,
        _ => AccessDecision.Forbidden,
    };

    /// <summary>
    /// Whether the caller may commit <paramref name="actorId"/>: its own coordinators and admins, no one else's.
    /// Also the rule for naming an owner of a new collaboration and for changing an actor's record.
    /// </summary>
    public static bool SpeaksFor(string? role, Guid? agency, Guid actorId) =>
        role is Roles.Coordinator or Roles.Admin && agency == actorId;
}
