namespace Samverkan.Contracts.Participants;

/// <summary>A commitment in a joint action plan moved to a new status.</summary>
public sealed record CommitmentStatusChanged
{
    public required Guid CommitmentId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required Guid ResponsibleActorId { get; init; }
    public required CommitmentStatus Status { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
