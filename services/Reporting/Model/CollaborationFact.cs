using Samverkan.Contracts.Actors;

namespace Samverkan.Reporting.Model;

/// <summary>What Reporting keeps of a collaboration: who owns it and what it aims for.</summary>
public sealed class CollaborationFact
{
    public Guid CollaborationId { get; init; }
    public string Name { get; set; } = "";
    public Guid OwnerActorId { get; set; }
    public int ParticipantTarget { get; set; }
    /// <summary>Target share (0–100 %) leaving for work or studies.</summary>
    public decimal ExitToWorkOrStudiesTargetShare { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>When the state held here was true in Actors: an older event never overwrites a newer one.</summary>
    public DateTimeOffset AsOf { get; set; }

    public static CollaborationFact From(CollaborationCreated e) => new()
    {
        CollaborationId = e.CollaborationId, Name = e.Name, OwnerActorId = e.OwnerActorId,
        ParticipantTarget = e.ParticipantTarget, ExitToWorkOrStudiesTargetShare = e.ExitToWorkOrStudiesTargetShare,
        StartDate = e.StartDate, EndDate = e.EndDate, AsOf = e.CreatedAt,
    };

    public void Apply(CollaborationUpdated e)
    {
        if (e.UpdatedAt < AsOf)
            return; // arrived out of order: the state held is newer
        Name = e.Name;
        OwnerActorId = e.OwnerActorId;
        ParticipantTarget = e.ParticipantTarget;
        ExitToWorkOrStudiesTargetShare = e.ExitToWorkOrStudiesTargetShare;
        StartDate = e.StartDate;
        EndDate = e.EndDate;
        AsOf = e.UpdatedAt;
    }
}

/// <summary>An actor's membership of a collaboration; kept with its leave date, never deleted.</summary>
public sealed class CollaborationMember
{
    public Guid CollaborationId { get; init; }
    public Guid ActorId { get; init; }
    public MemberRole Role { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}

