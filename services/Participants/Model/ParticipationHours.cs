namespace Samverkan.Participants.Model;

/// <summary>
/// Deltagartimmar: hours a participant took part on one day, recorded by staff or attested by the participant.
/// Several entries may fall on one day; together they never pass 24 hours. ESF co-financing is counted in them.
/// </summary>
public sealed class ParticipationHours
{
    public Guid Id { get; init; }
    public Guid ParticipantId { get; init; }
    public DateOnly Date { get; init; }
    public decimal Hours { get; init; }
    /// <summary>True when the participant attested the hours; false when staff recorded them.</summary>
    public bool AttestedByParticipant { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>The rules for participation hours, as pure functions.</summary>
public static class HoursRules
{
    public const decimal MaxPerDay = 24m;

    /// <summary>The first day of the date's month: the key monthly totals are reported under.</summary>
    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>Why <paramref name="hours"/> cannot be recorded, or null. At most two decimals (quarters and minutes to the hundredth).</summary>
    public static string? HoursError(decimal hours, decimal alreadyThatDay)
    {
        if (hours <= 0)
            return "Hours must be more than 0.";
        if (decimal.Round(hours, 2) != hours)
            return "Hours take at most two decimals.";
        if (alreadyThatDay + hours > MaxPerDay)
            return $"At most {MaxPerDay} hours a day in total; {alreadyThatDay} are already recorded for that day.";
        return null;
    }

    /// <summary>Why hours cannot be recorded on <paramref name="date"/>, or null: only while the participant takes part, never ahead.</summary>
    public static string? DateError(DateOnly date, DateOnly startDate, DateOnly? exitDate, DateOnly today)
    {
        if (date < startDate)
            return "Hours cannot be recorded before the participant's start date.";
        if (exitDate is { } exit && date > exit)
            return "Hours cannot be recorded after the participant's exit.";
        if (date > today)
            return "Hours cannot be recorded for a day in the future.";
        return null;
    }
}
