using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Model;

/// <summary>What a free-text entry of the joint action plan is.</summary>
public enum PlanEntryKind
{
    /// <summary>The participant's own goal, in their words.</summary>
    Goal = 1,
    /// <summary>A step towards a goal.</summary>
    Step = 2,
}

/// <summary>
/// A goal or step of the participant's joint action plan (gemensam handlingsplan). Free text about the person:
/// visible only to those with full access to the participant, never published, deleted on erasure.
/// </summary>
public sealed class PlanEntry
{
    public Guid Id { get; init; }
    public Guid ParticipantId { get; init; }
    public PlanEntryKind Kind { get; init; }
    public required string Text { get; init; }
    public PlanTrack? Track { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>
/// An actor's commitment in the joint action plan: an intervention (optionally one from the shared catalogue),
/// the actor responsible, the track, start and due date, and a status that moves planned → started → done, or
/// to cancelled from planned or started.
/// </summary>
public sealed class Commitment
{
    public Guid Id { get; init; }
    public Guid ParticipantId { get; init; }
    public Guid? InterventionId { get; init; }
    public Guid ResponsibleActorId { get; init; }
    public PlanTrack Track { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly DueDate { get; init; }
    /// <summary>Free text; may describe the person, so it stays here and is gone on erasure.</summary>
    public string? Description { get; set; }
    public CommitmentStatus Status { get; private set; } = CommitmentStatus.Planned;
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    /// <summary>When the status last moved; null while it is still planned.</summary>
    public DateTimeOffset? StatusChangedAt { get; private set; }

    /// <summary>Past its due date on <paramref name="asOf"/> and neither done nor cancelled.</summary>
    public bool IsOverdueOn(DateOnly asOf) => DueDate < asOf && !CommitmentRules.IsFinal(Status);

    /// <summary>
    /// Moves to <paramref name="to"/>. True when the status changed; false when it already was <paramref name="to"/>
    /// (nothing to publish); an error when the transition is not allowed.
    /// </summary>
    public bool ChangeStatus(CommitmentStatus to, DateTimeOffset at, out string? error)
    {
        error = null;
        if (Status == to)
            return false;
        if (!CommitmentRules.CanMove(Status, to))
        {
            error = $"A commitment cannot move from {Status.ToString().ToLowerInvariant()} to {to.ToString().ToLowerInvariant()}.";
            return false;
        }
        Status = to;
        StatusChangedAt = at;
        return true;
    }

    public CommitmentAdded ToAddedEvent(Guid collaborationId) => new()
    {
        CommitmentId = Id,
        ParticipantId = ParticipantId,
        CollaborationId = collaborationId,
        ResponsibleActorId = ResponsibleActorId,
        InterventionId = InterventionId,
        Track = Track,
        StartDate = StartDate,
        DueDate = DueDate,
        AddedAt = RecordedAt,
    };

    public CommitmentStatusChanged ToStatusChangedEvent(Guid collaborationId) => new()
    {
        CommitmentId = Id,
        ParticipantId = ParticipantId,
        CollaborationId = collaborationId,
        ResponsibleActorId = ResponsibleActorId,
        Status = Status,
        ChangedAt = StatusChangedAt ?? RecordedAt,
    };
}

public static class CommitmentRules
{
    public static bool IsFinal(CommitmentStatus status) => status is CommitmentStatus.Done or CommitmentStatus.Cancelled;

    /// <summary>planned → started → done; planned or started → cancelled. Done and cancelled are final.</summary>
    public static bool CanMove(CommitmentStatus from, CommitmentStatus to) => (from, to) switch
    {
        (CommitmentStatus.Planned, CommitmentStatus.Started) => true,
        (CommitmentStatus.Started, CommitmentStatus.Done) => true,
        (CommitmentStatus.Planned or CommitmentStatus.Started, CommitmentStatus.Cancelled) => true,
        _ => false,
    };

    /// <summary>Why these dates cannot be a commitment's, as (field, message), or null.</summary>
    public static (string Field, string Message)? DateError(DateOnly startDate, DateOnly dueDate, DateOnly participantStart)
    {
        if (dueDate < startDate)
            return ("dueDate", "The due date cannot be before the start date.");
        if (startDate < participantStart)
            return ("startDate", "A commitment cannot start before the participant's start date.");
        return null;
    }
}
