using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Model;

/// <summary>
/// Avslut: the participant left the collaboration on <see cref="ExitDate"/> to <see cref="Outcome"/>. One per
/// participant (the participant's id is the key), so <see cref="ParticipantExited"/> is published once.
/// </summary>
public sealed class ParticipantExit
{
    public Guid ParticipantId { get; init; }
    public DateOnly ExitDate { get; init; }
    public ExitOutcome Outcome { get; init; }
    /// <summary>Free text; may name people or health conditions, so it never leaves this service. Gone on erasure.</summary>
    public string? Reason { get; init; }
    /// <summary>ESF+ "gained a qualification": a validation with a certificate dated on or before the exit.</summary>
    public bool GainedQualification { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public ParticipantExited ToExitedEvent(Guid collaborationId) => new()
    {
        ParticipantId = ParticipantId,
        CollaborationId = collaborationId,
        ExitDate = ExitDate,
        Outcome = Outcome,
        GainedQualification = GainedQualification,
        ExitedAt = RecordedAt,
    };
}

/// <summary>The rules of an exit, as pure functions.</summary>
public static class ExitRules
{
    /// <summary>Why <paramref name="exitDate"/> cannot be the exit date, or null when it can.</summary>
    public static string? ExitDateError(DateOnly exitDate, DateOnly startDate, DateOnly today)
    {
        if (exitDate < startDate)
            return "The exit date cannot be before the participant's start date.";
        if (exitDate > today)
            return "The exit date cannot be in the future.";
        return null;
    }

    /// <summary>Gained a qualification by the exit: some validation dated on or before it issued a certificate.</summary>
    public static bool GainedQualification(IEnumerable<(DateOnly Date, bool CertificateIssued)> validations, DateOnly exitDate) =>
        validations.Any(v => v.CertificateIssued && v.Date <= exitDate);
}
