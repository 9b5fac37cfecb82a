namespace Samverkan.Contracts.Actors;

/// <summary>One actor's rating of one criterion, 1 (not at all) to 5 (fully). The comment stays in Actors.</summary>
public sealed record CriterionScore
{
    public required AssessmentCriterion Criterion { get; init; }
    public required int Score { get; init; }
}
