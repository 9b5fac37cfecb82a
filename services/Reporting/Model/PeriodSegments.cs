namespace Samverkan.Reporting.Model;

/// <summary>
/// A date range as calendar years, months and days to add up, and months and days to take away: the counts of a
/// period read from a year's, a month's or a day's rows. Each part of the range is read the cheaper way, counting a
/// year or a month as one row per key and a day range as one per day: a part-month as its days or as the month less
/// the days outside; a part-year as its months and part-months or as the year less the months and days outside. So
/// mid-January to mid-December is the year less (January less its last days) less (December less its first days),
/// a handful of rows per key instead of a dozen plus a month of days. There are at most two day ranges in all. Pure.
/// </summary>
public sealed record PeriodSegments(
    IReadOnlyList<DateOnly> Years, IReadOnlyList<DateOnly> Months, IReadOnlyList<DateOnly> LessMonths,
    IReadOnlyList<(DateOnly From, DateOnly To)> Days, IReadOnlyList<(DateOnly From, DateOnly To)> LessDays)
{
    public static readonly PeriodSegments Empty = new([], [], [], [], []);

    /// <summary>Both dates included; empty when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public static PeriodSegments Of(DateOnly from, DateOnly to)
    {
        var all = new Parts();
        for (var year = from.Year; from <= to && year <= to.Year; year++)
        {
            var yearStart = new DateOnly(year, 1, 1);
            var yearEnd = new DateOnly(year, 12, 31);
            var a = from > yearStart ? from : yearStart;
            var b = to < yearEnd ? to : yearEnd;
            if (a == yearStart && b == yearEnd)
            {
                all.Years.Add(yearStart);
                continue;
            }
            var inside = new Parts();
            AddMonths(inside, a, b, +1);
            var outside = new Parts();
            outside.Years.Add(yearStart);
            if (a > yearStart)
                AddMonths(outside, yearStart, a.AddDays(-1), -1);
            if (b < yearEnd)
                AddMonths(outside, b.AddDays(1), yearEnd, -1);
            all.Add(outside.Cost < inside.Cost ? outside : inside);
        }
        return new PeriodSegments(all.Years, all.Months, all.LessMonths, all.Days, all.LessDays);
    }

    /// <summary>Days <paramref name="a"/> to <paramref name="b"/> of one year, with <paramref name="sign"/>, as months and part-months.</summary>
    private static void AddMonths(Parts parts, DateOnly a, DateOnly b, int sign)
    {
        for (var at = a; at <= b;)
        {
            var monthStart = new DateOnly(at.Year, at.Month, 1);
            var monthEnd = new DateOnly(at.Year, at.Month, DateTime.DaysInMonth(at.Year, at.Month));
            var end = monthEnd < b ? monthEnd : b;
            var inside = end.DayNumber - at.DayNumber + 1;
            var outside = monthEnd.DayNumber - monthStart.DayNumber + 1 - inside;
            if (outside == 0)
                parts.Month(monthStart, sign);
            else if (1 + outside < inside)
            {
                parts.Month(monthStart, sign);
                if (at > monthStart)
                    parts.DayRange(monthStart, at.AddDays(-1), -sign);
                if (end < monthEnd)
                    parts.DayRange(end.AddDays(1), monthEnd, -sign);
            }
            else
                parts.DayRange(at, end, sign);
            if (end == DateOnly.MaxValue)
                break;
            at = end.AddDays(1);
        }
    }

    /// <summary>Parts being collected, and what reading them costs per key.</summary>
    private sealed class Parts
    {
        public List<DateOnly> Years { get; } = [];
        public List<DateOnly> Months { get; } = [];
        public List<DateOnly> LessMonths { get; } = [];
        public List<(DateOnly From, DateOnly To)> Days { get; } = [];
        public List<(DateOnly From, DateOnly To)> LessDays { get; } = [];

        public int Cost => Years.Count + Months.Count + LessMonths.Count
            + Days.Concat(LessDays).Sum(d => d.To.DayNumber - d.From.DayNumber + 1);

        public void Month(DateOnly start, int sign) => (sign > 0 ? Months : LessMonths).Add(start);

        public void DayRange(DateOnly from, DateOnly to, int sign) => (sign > 0 ? Days : LessDays).Add((from, to));

        public void Add(Parts other)
        {
            Years.AddRange(other.Years);
            Months.AddRange(other.Months);
            LessMonths.AddRange(other.LessMonths);
            Days.AddRange(other.Days);
            LessDays.AddRange(other.LessDays);
        }
    }
}
