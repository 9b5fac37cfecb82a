using Samverkan.Employers.Model;

namespace Samverkan.Employers.UnitTests;

public sealed class ContactWindowTests
{
    private static readonly Guid Me = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Other = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Third = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly DateOnly Day = new(2026, 3, 16);

    [Theory]
    [InlineData(0)]
    [InlineData(-13)]
    [InlineData(-14)]
    [InlineData(13)]
    [InlineData(14)]
    public void Another_agency_within_the_window_either_side_warns_boundary_days_included(int offset)
    {
        var overlaps = ContactWindow.Overlaps([new LoggedContact(Other, Day.AddDays(offset))], Me, Day, 14);

        var overlap = Assert.Single(overlaps);
        Assert.Equal(Other, overlap.ActorId);
        Assert.Equal(Day.AddDays(offset), overlap.Date);
    }

    [Theory]
    [InlineData(-15)]
    [InlineData(15)]
    [InlineData(-400)]
    public void Another_agency_outside_the_window_does_not_warn(int offset) =>
        Assert.Empty(ContactWindow.Overlaps([new LoggedContact(Other, Day.AddDays(offset))], Me, Day, 14));

    [Fact]
    public void The_callers_own_agency_never_warns_itself() =>
        Assert.Empty(ContactWindow.Overlaps([new LoggedContact(Me, Day), new LoggedContact(Me, Day.AddDays(-3))], Me, Day, 14));

    [Fact]
    public void One_warning_per_other_agency_with_its_nearest_contact()
    {
        var overlaps = ContactWindow.Overlaps(
        [
            new LoggedContact(Other, Day.AddDays(-10)),
            new LoggedContact(Other, Day.AddDays(-2)),
            new LoggedContact(Third, Day.AddDays(5)),
            new LoggedContact(Me, Day.AddDays(-1)),
        ], Me, Day, 14);

        Assert.Equal([new ContactOverlap(Third, Day.AddDays(5)), new ContactOverlap(Other, Day.AddDays(-2))], overlaps);
    }

    [Fact]
    public void A_planned_contact_after_the_date_warns_like_a_past_one()
    {
        var overlaps = ContactWindow.Overlaps([new LoggedContact(Other, Day.AddDays(7))], Me, Day, 14);
        Assert.Equal(Day.AddDays(7), Assert.Single(overlaps).Date);
    }

    [Fact]
    public void Equal_distance_either_side_reports_the_later_contact()
    {
        var overlaps = ContactWindow.Overlaps([new LoggedContact(Other, Day.AddDays(-3)), new LoggedContact(Other, Day.AddDays(3))], Me, Day, 14);
        Assert.Equal(Day.AddDays(3), Assert.Single(overlaps).Date);
    }

    [Fact]
    public void The_window_is_configurable_and_zero_means_same_day_only()
    {
        Assert.Single(ContactWindow.Overlaps([new LoggedContact(Other, Day)], Me, Day, 0));
        Assert.Empty(ContactWindow.Overlaps([new LoggedContact(Other, Day.AddDays(1))], Me, Day, 0));
        Assert.Single(ContactWindow.Overlaps([new LoggedContact(Other, Day.AddDays(30))], Me, Day, 30));
    }

    [Fact]
    public void A_negative_window_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactWindow.Overlaps([], Me, Day, -1));

    [Fact]
    public void No_contacts_no_warnings() => Assert.Empty(ContactWindow.Overlaps([], Me, Day, 14));
}
