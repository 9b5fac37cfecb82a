using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Model;

/// <summary>One round of a collaboration health assessment; rounds are numbered 1, 2, 3 … over time.</summary>
public sealed class AssessmentRound
{
    public Guid Id { get; init; }
    public Guid CollaborationId { get; init; }
    public int Number { get; init; }
    public DateOnly HeldOn { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// One member actor's answers in one round. An actor rates the criteria it can judge: any non-empty subset
/// of the fifteen, each at most once. Resubmitting replaces the whole set.
/// </summary>
public sealed class AssessmentSubmission
{
    public Guid Id { get; init; }
    public Guid CollaborationId { get; init; }
    public int Round { get; init; }
    public Guid ActorId { get; init; }
    public List<CriterionAnswer> Answers { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>PostgreSQL's xmin: the ETag.</summary>
    public uint Version { get; set; }
}

/// <summary>A score from 1 (not at all) to 5 (fully), and why.</summary>
public sealed record CriterionAnswer
{
    public required AssessmentCriterion Criterion { get; init; }
    public required int Score { get; init; }
    public string? Comment { get; init; }
}
