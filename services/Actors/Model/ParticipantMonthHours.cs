using Samverkan.Contracts.Participants;

namespace Samverkan.Actors.Model;

/// <summary>
/// A participant's hours in one month of a collaboration, as Participants' last <c>MonthlyHoursRecorded</c> for it had
/// them (a total, so it is set, never added to), with the benefit the participant started on: what co-financing counts.
/// Once the participant is erased, <see cref="ParticipantId"/> is a fresh random id that links to no one: the hours keep
/// counting in the collaboration's totals.
/// </summary>
public sealed class ParticipantMonthHours
{
    public Guid ParticipantId { get; init; }
    public Guid CollaborationId { get; init; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }
    /// <summary>Null for hours from events published before the benefit was carried: counted as unattributed.</summary>
    public BenefitType? BenefitAtStart { get; init; }
    public decimal Hours { get; init; }
    /// <summary>When Participants recorded this total: an older total arriving late does not replace a newer one.</summary>
    public DateTimeOffset RecordedAt { get; init; }
}
