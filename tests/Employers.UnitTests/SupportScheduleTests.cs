using Samverkan.Employers.Model;

namespace Samverkan.Employers.UnitTests;

public sealed class SupportScheduleTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);

    [Fact]
    public void Not_due_in_the_first_month_then_due_without_a_contact()
    {
        Assert.False(SupportSchedule.IsDue(Start, null, [], Start.AddDays(30)));
        Assert.True(SupportSchedule.IsDue(Start, null, [], Start.AddMonths(1)));
    }

    [Fact]
    public void A_contact_within_the_last_month_clears_it_an_older_one_does_not()
    {
        var asOf = new DateOnly(2026, 5, 20);
        Assert.False(SupportSchedule.IsDue(Start, null, [new DateOnly(2026, 4, 21)], asOf));
        Assert.True(SupportSchedule.IsDue(Start, null, [new DateOnly(2026, 4, 20)], asOf));
    }

    [Fact]
    public void Contacts_after_asOf_do_not_count()
    {
        Assert.True(SupportSchedule.IsDue(Start, null, [new DateOnly(2026, 6, 1)], new DateOnly(2026, 5, 20)));
    }

    [Fact]
    public void No_reminders_after_the_first_year_or_once_ended_or_before_start()
    {
        Assert.False(SupportSchedule.IsDue(Start, null, [], Start.AddYears(1)));
        Assert.True(SupportSchedule.IsDue(Start, null, [], Start.AddYears(1).AddDays(-1)));
        Assert.False(SupportSchedule.IsDue(Start, new DateOnly(2026, 3, 1), [], new DateOnly(2026, 4, 1)));
        Assert.False(SupportSchedule.IsDue(Start, null, [], Start.AddDays(-5)));
    }

    [Fact]
    public void Coverage_counts_ended_months_with_a_contact()
    {
        // Months: 15 Jan–14 Feb (contact), 15 Feb–14 Mar (none), 15 Mar–14 Apr (two contacts); 15 Apr– not ended by 20 Apr.
        var contacts = new[] { new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 2) };
        Assert.Equal((2, 3), SupportSchedule.Coverage(Start, null, contacts, new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 20)));
    }

    [Fact]
    public void Coverage_stops_at_the_end_of_the_placement_and_at_twelve_months_and_skips_months_before_from()
    {
        Assert.Equal((0, 1), SupportSchedule.Coverage(Start, new DateOnly(2026, 3, 1), [], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal((0, 12), SupportSchedule.Coverage(Start, null, [], new DateOnly(2026, 1, 1), new DateOnly(2028, 1, 1)));
        Assert.Equal((1, 1), SupportSchedule.Coverage(Start, null, [new DateOnly(2026, 3, 1)], new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20)));
    }
}
