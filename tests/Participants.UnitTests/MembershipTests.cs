using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class MembershipTests
{
    private static readonly Guid Collaboration = Guid.NewGuid();
    private static readonly Guid Actor = Guid.NewGuid();

    private static MembershipChange Joined(string on) => new()
        { CollaborationId = Collaboration, ActorId = Actor, Kind = MembershipChangeKind.Joined, On = DateOnly.Parse(on) };

    private static MembershipChange Left(string on) => new()
        { CollaborationId = Collaboration, ActorId = Actor, Kind = MembershipChangeKind.Left, On = DateOnly.Parse(on) };

    [Theory]
    [InlineData("2026-02-28", false)] // before joining
    [InlineData("2026-03-01", true)]  // the join day
    [InlineData("2026-05-31", true)]  // the leave day still counts, as in Actors
    [InlineData("2026-06-01", false)] // after leaving
    [InlineData("2026-08-31", false)] // before joining again
    [InlineData("2026-09-01", true)]  // joined again
    public void Member_on_a_date_follows_joins_and_leaves(string date, bool member)
    {
        var changes = new[] { Joined("2026-03-01"), Left("2026-05-31"), Joined("2026-09-01") };
        Assert.Equal(member, Membership.IsMemberOn(changes, DateOnly.Parse(date)));
    }

    [Fact]
    public void The_answer_does_not_depend_on_the_order_the_facts_arrived_in()
    {
        var inOrder = new[] { Joined("2026-03-01"), Left("2026-05-31"), Joined("2026-09-01") };
        var dates = Enumerable.Range(0, 400).Select(d => new DateOnly(2026, 1, 1).AddDays(d)).ToList();
        foreach (var shuffled in new[] { inOrder.Reverse().ToArray(), [inOrder[1], inOrder[2], inOrder[0]] })
            Assert.All(dates, d => Assert.Equal(Membership.IsMemberOn(inOrder, d), Membership.IsMemberOn(shuffled, d)));
    }

    [Fact]
    public void A_leave_without_its_join_is_never_a_membership()
    {
        Assert.False(Membership.IsMemberOn([Left("2026-05-31")], new DateOnly(2026, 5, 1)));
        Assert.False(Membership.IsMemberOn([], new DateOnly(2026, 5, 1)));
    }
}
