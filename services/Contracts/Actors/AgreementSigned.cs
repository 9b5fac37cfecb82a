namespace Samverkan.Contracts.Actors;

/// <summary>A member actor's agreement was signed for the first time (version 1). Signatories' names stay in Actors.</summary>
public sealed record AgreementSigned
{
    public required Guid AgreementId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required Guid ActorId { get; init; }
    public required int Version { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public required DateOnly ValidTo { get; init; }
    public required IReadOnlyList<AgreedContribution> Contributions { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}
