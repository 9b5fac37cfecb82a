using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Model;

/// <summary>What Reporting keeps of a collaboration: who owns it and what it aims for.</summary>
public sealed class CollaborationFact : ICopy
{
    public Guid CollaborationId { get; init; }
    public string Name { get; set; } = "";
    public Guid OwnerActorId { get; set; }
    public int ParticipantTarget { get; set; }
    /// <summary>Target share (0–100 %) leaving for work or studies.</summary>
    public decimal ExitToWorkOrStudiesTargetShare { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>When the state held here became true in Actors (shown, not compared: <see cref="Revision"/> orders the states).</summary>
    public DateTimeOffset AsOf { get; set; }
    public long Revision { get; set; }
}

/// <summary>
/// An actor's latest membership of a collaboration, kept with its leave date, never deleted. Each join and leave carries
/// the membership's whole state and the collaboration's revision, so the newest wins whatever the order of arrival.
/// </summary>
public sealed class CollaborationMember : ICopy
{
    public Guid CollaborationId { get; init; }
    public Guid ActorId { get; init; }
    public MemberRole Role { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public long Revision { get; set; }
}

