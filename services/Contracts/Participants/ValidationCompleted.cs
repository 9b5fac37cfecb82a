namespace Samverkan.Contracts.Participants;

/// <summary>A skills validation was completed. The assessor's name and the result text stay in Participants.</summary>
public sealed record ValidationCompleted
{
    public required Guid ValidationId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required ValidationMethod Method { get; init; }
    public required DateOnly Date { get; init; }
    public required bool CertificateIssued { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
}
