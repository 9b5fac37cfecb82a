namespace Samverkan.Contracts.Actors;

/// <summary>An amendment to an agreement was signed: <see cref="Version"/> replaces the one before it, which stays as history.</summary>
public sealed record AgreementAmended
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
