namespace Samverkan.Contracts.Employers;

/// <summary>A pipeline ended: after a placement or employment, or before one (not chosen, withdrawn, participant exited).</summary>
public sealed record PlacementEnded
{
    public required Guid PipelineId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid OfferId { get; init; }
    public required Guid EmployerId { get; init; }
    public required Guid PilotActorId { get; init; }
    /// <summary>The stage reached before the end.</summary>
    public required PipelineStage LastStage { get; init; }
    public required DateOnly EndDate { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
