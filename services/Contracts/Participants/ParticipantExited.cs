namespace Samverkan.Contracts.Participants;

/// <summary>
/// A participant left the collaboration (avslut). The free-text reason stays in Participants: it may name
/// people or health conditions. Published once per participant and collaboration.
/// </summary>
public sealed record ParticipantExited
{
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required DateOnly ExitDate { get; init; }
    public required ExitOutcome Outcome { get; init; }
    /// <summary>ESF+ result indicator: gained a qualification (for example a validation certificate) by exit.</summary>
    public required bool GainedQualification { get; init; }
    public required DateTimeOffset ExitedAt { get; init; }
}
