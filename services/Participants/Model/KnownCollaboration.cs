using Samverkan.Contracts.Actors;

namespace Samverkan.Participants.Model;

/// <summary>
/// This service's copy of a collaboration created in Actors, kept from <see cref="CollaborationCreated"/> and
/// <see cref="CollaborationUpdated"/>: enrolment checks that the collaboration exists, and the owner's
/// coordinators see its participants, without a call to another service.
/// </summary>
public sealed class KnownCollaboration
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Projektägare: its coordinators see the collaboration's participants.</summary>
    public Guid OwnerActorId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>When the state held here was true in Actors: an older event arriving late never overwrites a newer one.</summary>
    public DateTimeOffset AsOf { get; set; }

    public static KnownCollaboration From(CollaborationCreated created) => new()
    {
        Id = created.CollaborationId,
        Name = created.Name,
        OwnerActorId = created.OwnerActorId,
        StartDate = created.StartDate,
        EndDate = created.EndDate,
        AsOf = created.CreatedAt,
    };

    public static KnownCollaboration From(CollaborationUpdated updated) => new()
    {
        Id = updated.CollaborationId,
        Name = updated.Name,
        OwnerActorId = updated.OwnerActorId,
        StartDate = updated.StartDate,
        EndDate = updated.EndDate,
        AsOf = updated.UpdatedAt,
    };

    /// <summary>Takes <paramref name="later"/>'s state when it is at least as new as the one held; returns whether it did.</summary>
    public bool Apply(KnownCollaboration later)
    {
        if (later.AsOf < AsOf)
            return false;
        Name = later.Name;
        OwnerActorId = later.OwnerActorId;
        StartDate = later.StartDate;
        EndDate = later.EndDate;
        AsOf = later.AsOf;
        return true;
    }
}
