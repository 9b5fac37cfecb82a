namespace Samverkan.Contracts.Employers;

/// <summary>A pilot proposed a participant (pseudonymous) for an offer: a pipeline was opened.</summary>
public sealed record CandidateProposed
{
    public required Guid PipelineId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid OfferId { get; init; }
    public required Guid EmployerId { get; init; }
    /// <summary>The agency whose pilot (sökandelots) holds the caseload.</summary>
    public required Guid PilotActorId { get; init; }
    public required DateOnly ProposedOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
