namespace Samverkan.Contracts.Participants;

/// <summary>An actor committed an intervention in a participant's joint action plan (gemensam handlingsplan).</summary>
public sealed record CommitmentAdded
{
    public required Guid CommitmentId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required Guid ResponsibleActorId { get; init; }
    /// <summary>The intervention from the shared catalogue (Actors), when the commitment names one.</summary>
    public Guid? InterventionId { get; init; }
    public required PlanTrack Track { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly DueDate { get; init; }
    public required DateTimeOffset AddedAt { get; init; }
}
