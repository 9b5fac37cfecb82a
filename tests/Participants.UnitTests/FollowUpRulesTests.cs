using Samverkan.Contracts.Participants;
using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class FollowUpRulesTests
{
    private static readonly DateOnly Exit = new(2026, 1, 31);

    [Theory]
    [InlineData(FollowUpPoint.FourWeeks, "2026-02-28")]
    [InlineData(FollowUpPoint.SixMonths, "2026-07-31")]
    [InlineData(FollowUpPoint.TwelveMonths, "2027-01-31")]
    public void Follow_ups_fall_due_four_weeks_six_months_and_twelve_months_after_exit(FollowUpPoint point, string due) =>
        Assert.Equal(DateOnly.Parse(due), FollowUpRules.DueDate(Exit, point));

    [Fact]
    public void Six_months_after_the_end_of_august_is_the_last_day_of_february() =>
        Assert.Equal(new DateOnly(2027, 2, 28), FollowUpRules.DueDate(new DateOnly(2026, 8, 31), FollowUpPoint.SixMonths));

    [Fact]
    public void Nothing_is_due_before_four_weeks_after_exit() =>
        Assert.Empty(FollowUpRules.Due(Exit, [], new DateOnly(2026, 2, 27)));

    [Fact]
    public void Due_points_are_those_past_their_date_and_not_recorded()
    {
        Assert.Equal([FollowUpPoint.FourWeeks], FollowUpRules.Due(Exit, [], new DateOnly(2026, 2, 28)).Select(d => d.Point));
        Assert.Equal([FollowUpPoint.FourWeeks, FollowUpPoint.SixMonths], FollowUpRules.Due(Exit, [], new DateOnly(2026, 8, 1)).Select(d => d.Point));
        Assert.Equal([FollowUpPoint.SixMonths], FollowUpRules.Due(Exit, [FollowUpPoint.FourWeeks], new DateOnly(2026, 8, 1)).Select(d => d.Point));
        Assert.Empty(FollowUpRules.Due(Exit, Enum.GetValues<FollowUpPoint>(), new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void No_follow_up_before_exit()
    {
        Assert.NotNull(FollowUpRules.Conflict(null, FollowUpPoint.FourWeeks, []));
        Assert.Null(FollowUpRules.Conflict(Exit, FollowUpPoint.FourWeeks, []));
    }

    [Fact]
    public void One_follow_up_per_point()
    {
        Assert.NotNull(FollowUpRules.Conflict(Exit, FollowUpPoint.FourWeeks, [FollowUpPoint.FourWeeks]));
        Assert.Null(FollowUpRules.Conflict(Exit, FollowUpPoint.SixMonths, [FollowUpPoint.FourWeeks]));
    }

    [Fact]
    public void A_follow_up_is_dated_between_the_exit_and_today()
    {
        var today = new DateOnly(2026, 11, 24);
        Assert.Null(FollowUpRules.DateError(Exit, Exit, today));
        Assert.Null(FollowUpRules.DateError(Exit, today, today));
        Assert.NotNull(FollowUpRules.DateError(Exit, Exit.AddDays(-1), today));
        Assert.NotNull(FollowUpRules.DateError(Exit, today.AddDays(1), today));
    }
}
