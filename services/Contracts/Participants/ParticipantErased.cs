namespace Samverkan.Contracts.Participants;

/// <summary>
/// A participant's record was erased or anonymised in Participants. Every service that holds anything keyed
/// by <see cref="ParticipantId"/> purges it (matching profiles, pipelines). Reporting keeps only what is
/// already aggregate and unlinkable.
/// </summary>
public sealed record ParticipantErased
{
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required ErasureReason Reason { get; init; }
    public required DateTimeOffset ErasedAt { get; init; }
}
