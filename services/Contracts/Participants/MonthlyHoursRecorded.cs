namespace Samverkan.Contracts.Participants;

/// <summary>
/// A participant's participation hours for one calendar month changed. Carries the month's new total, not the
/// increment, so a consumer sets rather than adds and a replay cannot count twice.
/// </summary>
public sealed record MonthlyHoursRecorded
{
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    /// <summary>The first day of the month.</summary>
    public required DateOnly Month { get; init; }
    public required decimal TotalHours { get; init; }
    /// <summary>
    /// The participant's benefit at start: co-financing counts hours by the benefit they were taken on (ESF+), so a copy need
    /// not join the enrolment. Absent only in events published before it was carried.
    /// </summary>
    public BenefitType? BenefitAtStart { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
