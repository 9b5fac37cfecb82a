namespace Samverkan.Contracts.Actors;

/// <summary>An agreement was ended before or at the end of its validity; no further versions follow.</summary>
public sealed record AgreementTerminated
{
    public required Guid AgreementId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required Guid ActorId { get; init; }
    public required DateOnly TerminatedOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
