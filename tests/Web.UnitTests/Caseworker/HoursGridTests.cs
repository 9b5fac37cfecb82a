using Samverkan.Web.Workspaces.Caseworker;

namespace Samverkan.Web.UnitTests.Caseworker;

public sealed class HoursGridTests
{
    private static readonly DateOnly Start = new(2026, 3, 10);
    private static readonly DateOnly Today = new(2026, 5, 20);

    [Fact]
    public void The_grid_has_every_month_from_the_start_to_today_with_what_is_recorded()
    {
        var months = HoursGrid.Months(Start, null, Today, [new MonthlyHoursDto(new DateOnly(2026, 4, 1), 12m, 10m, 2m)]);

        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)], months.Select(m => m.First));
        Assert.Equal([0m, 12m, 0m], months.Select(m => m.Total));
        Assert.Equal("m2026-04", months[1].Field);
    }

    [Fact]
    public void The_grid_ends_at_the_exit()
    {
        var months = HoursGrid.Months(Start, new DateOnly(2026, 4, 2), Today, []);

        Assert.Equal(new DateOnly(2026, 4, 1), months[^1].First);
    }

    [Fact]
    public void A_higher_total_is_the_difference_spread_a_working_day_at_a_time_from_the_first_day_taken_part()
    {
        var (entries, error) = HoursGrid.Spread(new DateOnly(2026, 3, 1), current: 4m, wanted: 24.5m, Start, null, Today);

        Assert.Null(error);
        Assert.Equal([(new DateOnly(2026, 3, 10), 8m), (new DateOnly(2026, 3, 11), 8m), (new DateOnly(2026, 3, 12), 4.5m)], entries);
    }

    [Fact]
    public void A_lower_total_cannot_be_recorded_and_says_why()
    {
        var (entries, error) = HoursGrid.Spread(new DateOnly(2026, 4, 1), current: 12m, wanted: 10m, Start, null, Today);

        Assert.Empty(entries);
        Assert.Contains("kan inte minskas", error);
    }

    [Fact]
    public void No_day_is_in_the_future_or_past_the_exit_and_more_than_the_days_hold_is_refused()
    {
        var (entries, _) = HoursGrid.Spread(new DateOnly(2026, 5, 1), 0m, 200m, Start, null, Today);
        var (tooMany, error) = HoursGrid.Spread(new DateOnly(2026, 5, 1), 0m, 20m * 24m + 1m, Start, null, Today);

        Assert.All(entries, e => Assert.InRange(e.Date, new DateOnly(2026, 5, 1), Today));
        Assert.Equal(200m, entries.Sum(e => e.Hours));
        Assert.Empty(tooMany);
        Assert.Contains("Fler timmar", error);
    }

    [Fact]
    public void Months_and_hours_are_written_in_Swedish_without_a_culture_to_lean_on()
    {
        Assert.Equal("December 2026", HoursGrid.MonthLabel(new DateOnly(2026, 12, 1)));
        Assert.Equal("6,5", HoursGrid.Format(6.5m));
        Assert.Equal("12", HoursGrid.Format(12m));
    }
}
