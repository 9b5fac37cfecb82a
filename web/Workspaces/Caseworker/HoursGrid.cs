namespace Samverkan.Web.Workspaces.Caseworker;

/// <summary>
/// The hours grid: one row per month the participant has taken part in, and what a new month total turns into.
/// The Hours API records hours per day and only adds (no entry is changed or removed, and hours are always more than
/// 0), so a corrected month total becomes the difference, spread over the month's days the participant took part in:
/// a working day (8 hours) at a time from the first such day, then up to the API's 24 a day. A lower total cannot be
/// recorded and is said so at the month.
/// </summary>
public static class HoursGrid
{
    public const decimal WorkingDay = 8m;
    public const decimal MaxPerDay = 24m;
    /// <summary>The grid shows at most this many months, the latest ones.</summary>
    public const int MaxMonths = 36;

    // The platform runs with invariant globalization (no sv-SE culture to format with): Swedish month names and the
    // decimal comma are written out here.
    private static readonly string[] MonthNames =
        ["Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober", "November", "December"];

    /// <summary>"December 2026".</summary>
    public static string MonthLabel(DateOnly month) => $"{MonthNames[month.Month - 1]} {month.Year}";

    /// <summary>Hours as a Swede writes them: "6,5", "12".</summary>
    public static string Format(decimal hours) => SwedishFormat.Number(hours);

    public sealed record Month(DateOnly First, MonthlyHoursDto? Recorded)
    {
        public decimal Total => Recorded?.Hours ?? 0m;
        public string Field => $"m{First:yyyy-MM}";
    }

    /// <summary>The months from the start's to the last day hours can be recorded (the exit, else today), latest last.</summary>
    public static List<Month> Months(DateOnly startDate, DateOnly? exitDate, DateOnly today, IEnumerable<MonthlyHoursDto> recorded)
    {
        var byMonth = recorded.ToDictionary(m => m.Month);
        var last = exitDate is { } exit && exit < today ? exit : today;
        var months = new List<Month>();
        for (var m = new DateOnly(startDate.Year, startDate.Month, 1); m <= last; m = m.AddMonths(1))
            months.Add(new Month(m, byMonth.GetValueOrDefault(m)));
        // Months with hours outside the range (none should be) are shown too, so nothing recorded is hidden.
        months.AddRange(byMonth.Values.Where(r => months.All(m => m.First != r.Month)).Select(r => new Month(r.Month, r)));
        return [.. months.OrderBy(m => m.First).TakeLast(MaxMonths)];
    }

    /// <summary>
    /// The day entries that take a month from <paramref name="current"/> to <paramref name="wanted"/> hours; an error
    /// (Swedish) when that cannot be done by adding.
    /// </summary>
    public static (List<(DateOnly Date, decimal Hours)> Entries, string? Error) Spread(
        DateOnly month, decimal current, decimal wanted, DateOnly startDate, DateOnly? exitDate, DateOnly today)
    {
        if (wanted == current)
            return ([], null);
        if (wanted < current)
            return ([], $"Registrerade timmar kan inte minskas, bara läggas till. Månaden har redan {current:0.##} timmar.");
        var first = month < startDate ? startDate : month;
        var lastOfMonth = month.AddMonths(1).AddDays(-1);
        var last = new[] { lastOfMonth, exitDate ?? lastOfMonth, today }.Min();
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
            days.Add(d);

        var perDay = days.ToDictionary(d => d, _ => 0m);
        var left = wanted - current;
        foreach (var cap in new[] { WorkingDay, MaxPerDay })
            foreach (var day in days)
            {
                if (left <= 0)
                    break;
                var add = Math.Min(cap - perDay[day], left);
                if (add <= 0)
                    continue;
                perDay[day] += add;
                left -= add;
            }
        if (left > 0)
            return ([], days.Count == 0
                ? "Deltagaren deltog inte någon dag den här månaden, så timmar kan inte registreras."
                : $"Fler timmar än månadens {days.Count} deltagardagar rymmer (högst {MaxPerDay:0} timmar om dagen).");
        return ([.. perDay.Where(p => p.Value > 0).Select(p => (p.Key, p.Value))], null);
    }
}
