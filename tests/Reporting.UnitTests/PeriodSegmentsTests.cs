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
    }

    [Fact]
    public void A_period_is_its_edge_days_whole_months_and_whole_years()
    {
        var s = PeriodSegments.Of(new(2024, 11, 15), new(2026, 2, 10));
        Assert.Equal([(new DateOnly(2024, 11, 15), new DateOnly(2024, 11, 30)), (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 10))], s.Days);
        Assert.Equal([new DateOnly(2024, 12, 1), new DateOnly(2026, 1, 1)], s.Months);
        Assert.Equal([new DateOnly(2025, 1, 1)], s.Years);
    }

    [Fact]
    public void A_period_within_one_month_is_days_only()
    {
        var s = PeriodSegments.Of(new(2026, 3, 2), new(2026, 3, 30));
        Assert.Equal([(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 30))], s.Days);
        Assert.Empty(s.Months);
        Assert.Empty(s.Years);
    }

    [Theory]
    [InlineData("2023-12-31", "2025-03-01")]
    [InlineData("2024-02-29", "2024-03-01")]
    [InlineData("2026-01-01", "2026-01-01")]
    [InlineData("2020-06-01", "2026-11-30")]
    public void Every_day_of_the_period_is_covered_exactly_once(string from, string to)
    {
        var (f, t) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var s = PeriodSegments.Of(f, t);
        var covered = s.Years.SelectMany(y => Days(y, y.AddYears(1).AddDays(-1)))
            .Concat(s.Months.SelectMany(m => Days(m, m.AddMonths(1).AddDays(-1))))
            .Concat(s.Days.SelectMany(d => Days(d.From, d.To))).Order().ToList();
        Assert.Equal(Days(f, t), covered);
        Assert.True(s.Days.Count <= 2);
    }

    [Fact]
    public void The_last_days_of_the_calendar_do_not_overflow()
    {
        var s = PeriodSegments.Of(new(9999, 12, 1), DateOnly.MaxValue);
        Assert.Equal([new DateOnly(9999, 12, 1)], s.Months);
        Assert.Empty(PeriodSegments.Of(new(2026, 2, 1), new(2026, 1, 1)).Days);
    }

    private static List<DateOnly> Days(DateOnly from, DateOnly to) =>
        Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i)).ToList();
}
