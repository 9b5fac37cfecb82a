namespace Samverkan.Contracts.Actors;

/// <summary>A member actor submitted (or resubmitted) its answers in a collaboration health assessment round.</summary>
public sealed record AssessmentSubmitted
{
    public required Guid CollaborationId { get; init; }
    /// <summary>The round, 1 for the first; rounds follow each other over time.</summary>
    public required int Round { get; init; }
    public required Guid ActorId { get; init; }
    public required IReadOnlyList<CriterionScore> Scores { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
