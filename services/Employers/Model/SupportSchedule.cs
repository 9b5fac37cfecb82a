namespace Samverkan.Employers.Model;

/// <summary>
/// Supported Employment's follow-up rule: during the first year of a placement or employment, someone from the
/// pilot is in touch at least once a month. A "month" is a calendar month from the start date
/// (<see cref="DateOnly.AddMonths"/>), so a start on 31 January has its first month end on 28/29 February.
/// </summary>
public static class SupportSchedule
{
    public const int FollowUpMonths = 12;

    /// <summary>
    /// True when, on <paramref name="asOf"/>, the placement is in its first year, still running, and neither
    /// its start nor any support contact lies within the last month.
    /// </summary>
    public static bool IsDue(DateOnly startedOn, DateOnly? endedOn, IEnumerable<DateOnly> contacts, DateOnly asOf)
    {
        if (asOf < startedOn || asOf >= startedOn.AddMonths(FollowUpMonths) || endedOn <= asOf)
            return false;
        var last = contacts.Where(d => d <= asOf && d >= startedOn).DefaultIfEmpty(startedOn).Max();
        return last <= asOf.AddMonths(-1);
    }

    /// <summary>
    /// Follow-up coverage: of the placement's first-year months that had ended by <paramref name="to"/> (and
    /// before the placement ended) and end on or after <paramref name="from"/>, how many had a support contact.
    /// </summary>
    public static (int Covered, int Months) Coverage(DateOnly startedOn, DateOnly? endedOn, IReadOnlyCollection<DateOnly> contacts, DateOnly from, DateOnly to)
    {
        var covered = 0;
        var months = 0;
        for (var k = 0; k < FollowUpMonths; k++)
        {
            var monthStart = startedOn.AddMonths(k);
            var monthEnd = startedOn.AddMonths(k + 1).AddDays(-1);
            if (monthEnd > to || (endedOn is { } end && monthEnd > end))
                break;
            if (monthEnd < from)
                continue;
            months++;
            if (contacts.Any(d => d >= monthStart && d <= monthEnd))
                covered++;
        }
        return (covered, months);
    }
}
