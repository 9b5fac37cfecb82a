namespace Samverkan.Participants.Model;

public enum MembershipChangeKind
{
    Joined = 1,
    Left = 2,
}

/// <summary>
/// One fact from Actors about a membership: an actor joined or left a collaboration on a date. Kept as facts
/// rather than as one mutable row so that the answer to "was the actor a member on this date?" does not depend on
/// the order the events arrived in: a leave that overtakes its join, or a join that overtakes the collaboration,
/// ends in the same table. The key (collaboration, actor, kind, date) makes a repeated event a no-op.
/// </summary>
public sealed class MembershipChange
{
    public Guid CollaborationId { get; init; }
    public Guid ActorId { get; init; }
    public MembershipChangeKind Kind { get; init; }
    public DateOnly On { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Membership on a date, from the change facts alone (pure, so it is tested without a database).</summary>
public static class Membership
{
    /// <summary>
    /// True when some join on or before <paramref name="date"/> is not closed by a leave dated from that join up to
    /// the day before <paramref name="date"/>. The leave day itself still counts as a member day, as in Actors
    /// (<c>LeftOn &gt;= today</c> is current there). A later join after a leave opens a new period.
    /// </summary>
    public static bool IsMemberOn(IEnumerable<MembershipChange> changes, DateOnly date)
    {
        var list = changes as IReadOnlyCollection<MembershipChange> ?? changes.ToList();
        return list.Any(join => join.Kind == MembershipChangeKind.Joined && join.On <= date
                                && !list.Any(leave => leave.Kind == MembershipChangeKind.Left && leave.On >= join.On && leave.On < date));
    }
}
