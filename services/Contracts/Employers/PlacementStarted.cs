namespace Samverkan.Contracts.Employers;

/// <summary>A participant started at an employer: a placement (<see cref="PipelineStage.Placed"/>) or employment (<see cref="PipelineStage.Employed"/>).</summary>
public sealed record PlacementStarted
{
    public required Guid PipelineId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid OfferId { get; init; }
    public required Guid EmployerId { get; init; }
    public required Guid PilotActorId { get; init; }
    public required OfferKind OfferKind { get; init; }
    /// <summary><see cref="PipelineStage.Placed"/> or <see cref="PipelineStage.Employed"/>.</summary>
    public required PipelineStage Stage { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
