using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Apis;

/// <summary>A goal or a step of the joint action plan, in the participant's words. <c>track</c>: health, studies or work.</summary>
public sealed record AddPlanEntryRequest
{
    [Required, StringLength(2000, MinimumLength = 1)]
    public string? Text { get; init; }

    public PlanTrack? Track { get; init; }
}

public sealed record PlanEntryResponse(Guid Id, PlanEntryKind Kind, string Text, PlanTrack? Track, DateTimeOffset RecordedAt)
{
    public static PlanEntryResponse From(PlanEntry e) => new(e.Id, e.Kind, e.Text, e.Track, e.RecordedAt);
}

/// <summary>An actor's commitment in the plan; it starts as planned.</summary>
public sealed record AddCommitmentRequest
{
    /// <summary>The intervention in the shared catalogue (Actors), when the commitment is one of them.</summary>
    public Guid? InterventionId { get; init; }

    /// <summary>The actor that commits; must be a known actor.</summary>
    [Required]
    public Guid? ResponsibleActorId { get; init; }

    [Required]
    public PlanTrack? Track { get; init; }

    [Required]
    public DateOnly? StartDate { get; init; }

    [Required]
    public DateOnly? DueDate { get; init; }

    [StringLength(2000)]
    public string? Description { get; init; }
}

/// <summary><c>status</c>: started, done or cancelled (planned → started → done; planned or started → cancelled).</summary>
public sealed record ChangeCommitmentStatusRequest
{
    [Required]
    public CommitmentStatus? Status { get; init; }
}

public sealed record CommitmentResponse(
    Guid Id, Guid ParticipantId, Guid? InterventionId, Guid ResponsibleActorId, PlanTrack Track, DateOnly StartDate, DateOnly DueDate,
    string? Description, CommitmentStatus Status, DateTimeOffset RecordedAt, DateTimeOffset? StatusChangedAt)
{
    public static CommitmentResponse From(Commitment c) => new(
        c.Id, c.ParticipantId, c.InterventionId, c.ResponsibleActorId, c.Track, c.StartDate, c.DueDate, c.Description, c.Status,
        c.RecordedAt, c.StatusChangedAt);
}

/// <summary>
/// The joint action plan. <c>complete</c> is false for another member agency with consent: it sees only its own
/// commitments, without the participant's goals and steps.
/// </summary>
public sealed record ActionPlanResponse(
    Guid ParticipantId, bool Complete, IReadOnlyList<PlanEntryResponse> Goals, IReadOnlyList<PlanEntryResponse> Steps,
    IReadOnlyList<CommitmentResponse> Commitments);

/// <summary>A commitment past its due date and still open, for the responsible actor to follow up.</summary>
public sealed record OverdueCommitmentResponse(Guid CollaborationId, int DaysOverdue, CommitmentResponse Commitment);
