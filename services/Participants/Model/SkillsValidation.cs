using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Model;

/// <summary>Validering: a skills validation (OCN, KGA or other) with its assessor, result and whether a certificate was issued.</summary>
public sealed class SkillsValidation
{
    public Guid Id { get; init; }
    public Guid ParticipantId { get; init; }
    public ValidationMethod Method { get; init; }
    /// <summary>The assessor's name or organisation; stays in this service, gone on erasure.</summary>
    public string? Assessor { get; init; }
    public DateOnly Date { get; init; }
    /// <summary>Free text; stays in this service, gone on erasure.</summary>
    public string? Result { get; init; }
    /// <summary>Kompetensintyg issued.</summary>
    public bool CertificateIssued { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public ValidationCompleted ToCompletedEvent(Guid collaborationId) => new()
    {
        ValidationId = Id,
        ParticipantId = ParticipantId,
        CollaborationId = collaborationId,
        Method = Method,
        Date = Date,
        CertificateIssued = CertificateIssued,
        CompletedAt = RecordedAt,
    };
}
