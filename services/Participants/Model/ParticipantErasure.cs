using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Model;

/// <summary>
/// The mark that a participant's record was erased: its identifying data and free texts are gone; what
/// aggregate history needs (gender, age at start, municipality, dates, outcomes, hours) stays, de-identified.
/// </summary>
public sealed class ParticipantErasure
{
    public Guid ParticipantId { get; init; }
    public ErasureReason Reason { get; init; }
    /// <summary>The admin's <c>sub</c>, or "retention" for the retention job.</summary>
    public required string ErasedBy { get; init; }
    public DateTimeOffset ErasedAt { get; init; }
}

/// <summary>When a record is past retention, as a pure function.</summary>
public static class RetentionRules
{
    /// <summary>
    /// The latest exit date that is past retention on <paramref name="today"/>: a record is kept for
    /// <paramref name="yearsAfterExit"/> whole years after the exit and erased the day after.
    /// </summary>
    public static DateOnly LatestExpiredExit(int yearsAfterExit, DateOnly today) => today.AddDays(-1).AddYears(-yearsAfterExit);
}
