namespace Samverkan.Reporting.Model;

/// <summary>
/// A date range cut into the whole calendar years and whole months it holds, and the days at its two edges (a
/// first and a last partial month). Each partial month is read the cheaper way: its days in the range
/// (<see cref="Days"/>), or, when the rest of the month is shorter, the whole month (in <see cref="Months"/>) less
/// the days outside the range (<see cref="LessDays"/>). So an edge costs at most half a month of daily rows, and
/// there are at most two day ranges in all. Pure.
/// </summary>
public sealed record PeriodSegments(
    IReadOnlyList<DateOnly> Years, IReadOnlyList<DateOnly> Months,
    IReadOnlyList<(DateOnly From, DateOnly To)> Days, IReadOnlyList<(DateOnly From, DateOnly To)> LessDays)
{
    public static readonly PeriodSegments Empty = new([], [], [], []);

    /// <summary>Both dates included; empty when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public static PeriodSegments Of(DateOnly from, DateOnly to)
    {
        var years = new List<DateOnly>();
        var months = new List<DateOnly>();
        var days = new List<(DateOnly From, DateOnly To)>();
        var lessDays = new List<(DateOnly From, DateOnly To)>();
        var at = from;
        while (at <= to)
        {
            // The last year and month of the calendar have no "next": their ends are checked without stepping past them.
            var yearEnd = new DateOnly(at.Year, 12, 31);
            var monthStart = new DateOnly(at.Year, at.Month, 1);
            var monthEnd = new DateOnly(at.Year, at.Month, DateTime.DaysInMonth(at.Year, at.Month));
            DateOnly end;
            if (at.Day == 1 && at.Month == 1 && yearEnd <= to)
            {
                years.Add(at);
                end = yearEnd;
            }
            else if (at.Day == 1 && monthEnd <= to)
            {
                months.Add(at);
                end = monthEnd;
            }
            else
            {
                end = monthEnd < to ? monthEnd : to;
                var inside = end.DayNumber - at.DayNumber + 1;
                var outside = monthEnd.DayNumber - monthStart.DayNumber + 1 - inside;
                if (outside < inside)
                {
                    months.Add(monthStart);
                    if (at > monthStart)
                        lessDays.Add((monthStart, at.AddDays(-1)));
                    if (end < monthEnd)
                        lessDays.Add((end.AddDays(1), monthEnd));
                }
                else if (days.Count > 0 && days[^1].To.AddDays(1) == at)
                    days[^1] = (days[^1].From, end);
                else
                    days.Add((at, end));
            }
            if (end == DateOnly.MaxValue)
                break;
            at = end.AddDays(1);
        }
        return new PeriodSegments(years, months, days, lessDays);
    }
}
