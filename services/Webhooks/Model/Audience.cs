using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Webhooks.Model;

/// <summary>Which agency enrolled (referred) a participant in a collaboration: that agency alone gets the participant's events.</summary>
public sealed class ParticipantOwner
{
    public Guid ParticipantId { get; init; }
    public Guid CollaborationId { get; init; }
    public Guid AgencyId { get; init; }
}

/// <summary>
/// An actor's membership of a collaboration, kept after it left (<see cref="Left"/>): members get the collaboration's
/// events. A copy of Actors' state: the membership events carry the collaboration's revision, and the newest one wins
/// whatever order they arrive in (<see cref="Copies"/>), so a leave that overtakes its join, or a rejoin that overtakes
/// the leave, still ends as Actors has it.
/// </summary>
public sealed class CollaborationMember : ICopy
{
    public Guid CollaborationId { get; init; }
    public Guid ActorId { get; init; }
    public bool Left { get; set; }
    public long Revision { get; set; }
}

/// <summary>
/// An agency works with an employer: it owns the relationship, logged a contact, published an offer for it or placed
/// someone there. Linked agencies get the employer's events. A link is never removed: the history stays the agency's.
/// </summary>
public sealed class EmployerLink
{
    public Guid EmployerId { get; init; }
    public Guid ActorId { get; init; }
}
