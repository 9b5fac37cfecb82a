using System.ComponentModel.DataAnnotations;

namespace Samverkan.Participants.Apis;

/// <summary>Hours on one day: more than 0, at most two decimals, at most 24 a day in total.</summary>
public sealed record RecordHoursRequest
{
    [Required]
    public DateOnly? Date { get; init; }

    [Required]
    public decimal? Hours { get; init; }

    /// <summary>True when the participant attests the hours; false (the default) when staff record them.</summary>
    public bool AttestedByParticipant { get; init; }
}

/// <summary>
/// One row of a bulk entry. Checked row by row (not by annotations) so that a bad row is rejected alone with
/// its reasons while the good rows are recorded.
/// </summary>
public sealed record BulkHoursRow
{
    public Guid? ParticipantId { get; init; }
    public DateOnly? Date { get; init; }
    public decimal? Hours { get; init; }
    public bool AttestedByParticipant { get; init; }
}

public sealed record HoursEntryResponse(Guid Id, Guid ParticipantId, DateOnly Date, decimal Hours, bool AttestedByParticipant, DateTimeOffset RecordedAt)
{
    public static HoursEntryResponse From(ParticipationHours h) => new(h.Id, h.ParticipantId, h.Date, h.Hours, h.AttestedByParticipant, h.RecordedAt);
}

/// <summary>The outcome of one bulk row: <c>recorded</c> with the entry's id, or <c>rejected</c> with the reasons by field.</summary>
public sealed record BulkHoursRowResult(int Index, string Status, Guid? Id, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record BulkHoursResponse(int Recorded, int Rejected, IReadOnlyList<BulkHoursRowResult> Rows);

/// <summary>A month's hours (ESF time reporting), split by who recorded them.</summary>
public sealed record MonthlyHoursResponse(DateOnly Month, decimal Hours, decimal RecordedByStaff, decimal AttestedByParticipant);

public sealed record HoursSummaryResponse(Guid ParticipantId, DateOnly? From, DateOnly? To, decimal TotalHours, IReadOnlyList<MonthlyHoursResponse> Months);
