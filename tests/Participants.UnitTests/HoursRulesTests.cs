using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class HoursRulesTests
{
    [Theory]
    [InlineData("0.25", "0")]
    [InlineData("24", "0")]
    [InlineData("8", "16")]
    [InlineData("7.5", "0")]
    public void Hours_above_zero_and_at_most_24_a_day_in_total_are_accepted(string hours, string already) =>
        Assert.Null(HoursRules.HoursError(decimal.Parse(hours), decimal.Parse(already)));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-1", "0")]
    [InlineData("24.01", "0")]
    [InlineData("8.5", "16")]
    [InlineData("1.125", "0")]
    public void Zero_negative_too_many_or_too_precise_hours_are_refused(string hours, string already) =>
        Assert.NotNull(HoursRules.HoursError(decimal.Parse(hours), decimal.Parse(already)));

    [Fact]
    public void Hours_are_recorded_only_between_start_and_exit_and_never_ahead()
    {
        var start = new DateOnly(2026, 1, 10);
        var today = new DateOnly(2026, 11, 24);
        Assert.Null(HoursRules.DateError(start, start, null, today));
        Assert.NotNull(HoursRules.DateError(start.AddDays(-1), start, null, today));
        Assert.NotNull(HoursRules.DateError(today.AddDays(1), start, null, today));
        Assert.Null(HoursRules.DateError(new DateOnly(2026, 5, 31), start, new DateOnly(2026, 5, 31), today));
        Assert.NotNull(HoursRules.DateError(new DateOnly(2026, 6, 1), start, new DateOnly(2026, 5, 31), today));
    }

    [Fact]
    public void A_month_is_keyed_by_its_first_day() =>
        Assert.Equal(new DateOnly(2026, 2, 1), HoursRules.MonthOf(new DateOnly(2026, 2, 28)));
}
