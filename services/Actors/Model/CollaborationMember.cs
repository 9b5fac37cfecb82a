using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Model;

/// <summary>
/// An actor's membership of a collaboration. Leaving sets <see cref="LeftOn"/>; the row stays as history,
/// and the same actor may join again later as a new membership.
/// </summary>
public sealed class CollaborationMember
{
    public Guid Id { get; init; }
    public Guid CollaborationId { get; init; }
    public Guid ActorId { get; init; }
    public MemberRole Role { get; init; }
    /// <summary>Mål: this actor's own goals under the collaboration's shared purpose.</summary>
    public List<string> Goals { get; set; } = [];
    public DateOnly JoinedOn { get; init; }
    public DateOnly? LeftOn { get; set; }
    /// <summary>The collaboration's <see cref="Collaboration.Revision"/> at this membership's last change (its join or its leave).</summary>
    public long Revision { get; set; } = 1;

    /// <summary>A member still belongs on its leave date and stops the day after.</summary>
    public bool IsCurrent(DateOnly today) => LeftOn is null || LeftOn >= today;
}
