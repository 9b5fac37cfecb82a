namespace Samverkan.Contracts.Employers;

/// <summary>
/// A proposed candidate was presented to the employer: the participant's first employer contact when it is
/// the first for that participant (Reporting derives "days from enrolment to first employer contact").
/// </summary>
public sealed record CandidatePresented
{
    public required Guid PipelineId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid OfferId { get; init; }
    public required Guid EmployerId { get; init; }
    public required Guid PilotActorId { get; init; }
    public required DateOnly PresentedOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
