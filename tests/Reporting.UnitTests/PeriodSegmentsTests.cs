using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

public sealed class PeriodSegmentsTests
{
    [Fact]
    public void A_calendar_year_is_one_year_row()
    {
        var s = PeriodSegments.Of(new(2025, 1, 1), new(2025, 12, 31));
        Assert.Equal([new DateOnly(2025, 1, 1)], s.Years);
        Assert.Empty(s.Months);
        Assert.Empty(s.Days);
        Assert.Empty(s.LessDays);
    }

    [Fact]
    public void A_period_is_its_edge_days_whole_months_and_whole_years()
    {
        // 15–30 November is 16 days in, 14 out: the month less 1–14 November. 1–10 February is 10 in, 18 out: its days.
        var s = PeriodSegments.Of(new(2024, 11, 15), new(2026, 2, 10));
        Assert.Equal([(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10))], s.Days);
        Assert.Equal([(new DateOnly(2024, 11, 1), new DateOnly(2024, 11, 14))], s.LessDays);
        Assert.Equal([new DateOnly(2024, 11, 1), new DateOnly(2024, 12, 1), new DateOnly(2026, 1, 1)], s.Months);
        Assert.Empty(s.LessMonths);
        Assert.Equal([new DateOnly(2025, 1, 1)], s.Years);
    }

    [Fact]
    public void A_short_period_within_one_month_is_its_days()
    {
        var s = PeriodSegments.Of(new(2026, 3, 2), new(2026, 3, 10));
        Assert.Equal([(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 10))], s.Days);
        Assert.Empty(s.LessDays);
        Assert.Empty(s.Months);
        Assert.Empty(s.LessMonths);
        Assert.Empty(s.Years);
    }

    [Fact]
    public void A_long_period_within_one_month_is_the_month_less_the_days_on_either_side()
    {
        var s = PeriodSegments.Of(new(2026, 3, 2), new(2026, 3, 30));
        Assert.Empty(s.Days);
        Assert.Equal([new DateOnly(2026, 3, 1)], s.Months);
        Assert.Equal([(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1)), (new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 31))], s.LessDays);
        Assert.Empty(s.Years);
    }

    [Fact]
    public void Most_of_a_year_is_the_year_less_what_lies_outside()
    {
        // 20 January – 5 December: the year, less January but its last 12 days, less December but its first 5.
        var s = PeriodSegments.Of(new(2025, 1, 20), new(2025, 12, 5));
        Assert.Equal([new DateOnly(2025, 1, 1)], s.Years);
        Assert.Equal([new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 1)], s.LessMonths);
        Assert.Equal([(new DateOnly(2025, 1, 20), new DateOnly(2025, 1, 31)), (new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 5))], s.Days);
        Assert.Empty(s.Months);
        Assert.Empty(s.LessDays);
    }

    [Theory]
    [InlineData("2023-12-31", "2025-03-01")]
    [InlineData("2024-02-29", "2024-03-01")]
    [InlineData("2026-01-01", "2026-01-01")]
    [InlineData("2020-06-01", "2026-11-30")]
    [InlineData("2025-01-20", "2025-12-05")]
    [InlineData("2025-03-01", "2025-12-31")]
    [InlineData("9999-02-15", "9999-12-31")]
    public void Every_day_of_the_period_is_counted_exactly_once(string from, string to)
    {
        var (f, t) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        AssertCovers(f, t, PeriodSegments.Of(f, t));
    }

    [Fact]
    public void Any_period_is_counted_exactly_once_reading_at_most_two_day_ranges_of_half_a_month()
    {
        var random = new Random(6);
        var first = new DateOnly(2023, 1, 1).DayNumber;
        for (var i = 0; i < 3000; i++)
        {
            var f = DateOnly.FromDayNumber(first + random.Next(0, 1500));
            var t = f.AddDays(random.Next(0, i % 3 == 0 ? 40 : 800));
            var s = PeriodSegments.Of(f, t);
            AssertCovers(f, t, s);
            // What grows with participants is the rows read per key: at most two day ranges of at most half a month
            // each, and never more months than two part-years have.
            Assert.True(s.Days.Count + s.LessDays.Count <= 2, $"{f}..{t}: {s.Days.Count + s.LessDays.Count} day ranges");
            var longest = s.Days.Concat(s.LessDays).Select(d => d.To.DayNumber - d.From.DayNumber + 1).DefaultIfEmpty(0).Max();
            Assert.True(longest <= 16, $"{f}..{t}: {longest} days in one range");
            Assert.True(s.Months.Count + s.LessMonths.Count <= 2 * 11, $"{f}..{t}: {s.Months.Count + s.LessMonths.Count} months");
        }
    }

    [Fact]
    public void The_last_days_of_the_calendar_do_not_overflow()
    {
        var s = PeriodSegments.Of(new(9999, 12, 1), DateOnly.MaxValue);
        Assert.Equal([new DateOnly(9999, 12, 1)], s.Months);
        Assert.Empty(PeriodSegments.Of(new(2026, 2, 1), new(2026, 1, 1)).Days);
        AssertCovers(new(9999, 12, 3), DateOnly.MaxValue, PeriodSegments.Of(new(9999, 12, 3), DateOnly.MaxValue));
    }

    /// <summary>Years, months and days added, less the days taken away, are the period's days, each once.</summary>
    private static void AssertCovers(DateOnly f, DateOnly t, PeriodSegments s)
    {
        var counted = new Dictionary<DateOnly, int>();
        void Add(IEnumerable<DateOnly> days, int by)
        {
            foreach (var d in days)
                counted[d] = counted.GetValueOrDefault(d) + by;
        }
        Add(s.Years.SelectMany(y => Days(y, new DateOnly(y.Year, 12, 31))), 1);
        Add(s.Months.SelectMany(m => Days(m, new DateOnly(m.Year, m.Month, DateTime.DaysInMonth(m.Year, m.Month)))), 1);
        Add(s.LessMonths.SelectMany(m => Days(m, new DateOnly(m.Year, m.Month, DateTime.DaysInMonth(m.Year, m.Month)))), -1);
        Add(s.Days.SelectMany(d => Days(d.From, d.To)), 1);
        Add(s.LessDays.SelectMany(d => Days(d.From, d.To)), -1);
        Assert.Equal(Days(f, t), counted.Where(x => x.Value != 0).Select(x => x.Key).Order().ToList());
        Assert.All(counted.Where(x => x.Value != 0), x => Assert.Equal(1, x.Value));
    }

    private static List<DateOnly> Days(DateOnly from, DateOnly to) =>
        Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i)).ToList();
}
