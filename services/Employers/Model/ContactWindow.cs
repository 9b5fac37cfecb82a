namespace Samverkan.Employers.Model;

/// <summary>A contact already in the log, as the window rule sees it.</summary>
public readonly record struct LoggedContact(Guid ActorId, DateOnly Date);

/// <summary>A warning: another agency contacted (or plans to contact) the same employer close to this date.</summary>
public readonly record struct ContactOverlap(Guid ActorId, DateOnly Date);

/// <summary>
/// The rule that keeps agencies from calling the same employer three times: a contact on <c>date</c> by
/// <c>actorId</c> overlaps every contact by another actor at most <c>windowDays</c> days before or after it
/// (both ends inclusive, so planned contacts count too). One warning per other actor, for its contact nearest
/// the date (the later one on a tie); the caller's own agency never warns itself.
/// </summary>
public static class ContactWindow
{
    public const int DefaultDays = 14;

    public static IReadOnlyList<ContactOverlap> Overlaps(IEnumerable<LoggedContact> existing, Guid actorId, DateOnly date, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);
        return existing
            .Where(c => c.ActorId != actorId && Math.Abs(c.Date.DayNumber - date.DayNumber) <= windowDays)
            .GroupBy(c => c.ActorId)
            .Select(g => g.OrderBy(c => Math.Abs(c.Date.DayNumber - date.DayNumber)).ThenByDescending(c => c.Date).First())
            .OrderByDescending(c => c.Date).ThenBy(c => c.ActorId)
            .Select(c => new ContactOverlap(c.ActorId, c.Date))
            .ToList();
    }
}
