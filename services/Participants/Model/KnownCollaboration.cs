using Samverkan.Contracts.Actors;

namespace Samverkan.Participants.Model;

/// <summary>
/// This service's copy of a collaboration created in Actors, kept from <see cref="CollaborationCreated"/> and
/// <see cref="CollaborationUpdated"/> (the newest revision wins): enrolment checks that the collaboration exists, and the owner's
/// coordinators see its participants, without a call to another service.
/// </summary>
public sealed class KnownCollaboration : ICopy
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Projektägare: its coordinators see the collaboration's participants.</summary>
    public Guid OwnerActorId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>When the state held here became true in Actors (shown, not compared: <see cref="Revision"/> orders the states).</summary>
    public DateTimeOffset AsOf { get; set; }
    public long Revision { get; set; }
}
