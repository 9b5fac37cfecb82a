using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Apis;

/// <summary>A skills validation. <c>method</c>: ocn, kga or other.</summary>
public sealed record RecordValidationRequest
{
    [Required]
    public ValidationMethod? Method { get; init; }

    [Required, StringLength(200, MinimumLength = 1)]
    public string? Assessor { get; init; }

    /// <summary>Not before the participant's start date, not in the future.</summary>
    [Required]
    public DateOnly? Date { get; init; }

    [StringLength(2000)]
    public string? Result { get; init; }

    [Required]
    public bool? CertificateIssued { get; init; }
}

public sealed record ValidationResponse(
    Guid Id, Guid ParticipantId, ValidationMethod Method, string? Assessor, DateOnly Date, string? Result, bool CertificateIssued, DateTimeOffset RecordedAt)
{
    public static ValidationResponse From(SkillsValidation v) =>
        new(v.Id, v.ParticipantId, v.Method, v.Assessor, v.Date, v.Result, v.CertificateIssued, v.RecordedAt);
}
