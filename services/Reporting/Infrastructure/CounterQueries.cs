using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Reads pre-aggregated counts of one scope for a period, in one query. Between two dates: the period's whole
/// years and months from <see cref="ParticipantPeriodCount"/> and its edge days from the dated rows. Up to a
/// date: the totals minus what is dated after it (the rest of its month by day, of its year by month, later
/// years by year). Either way the rows read are bounded by the keys, not by the number of participants.
/// </summary>
public static class CounterQueries
{
    public static async Task<List<DimensionCount>> CountsAsync(
        ReportingDbContext db, Guid scope, ReportPeriod period, IReadOnlyCollection<string> dimensions, CancellationToken ct)
    {
        var dims = dimensions.ToArray();
        PeriodSegments segments;
        var withTotals = period.From is null;
        var laterYears = DateOnly.MaxValue; // years starting after this one; none by default
        if (period.From is { } from)
            segments = PeriodSegments.Of(from, period.To);
        else if (period.To == DateOnly.MaxValue)
            segments = PeriodSegments.Empty;
        else
        {
            var after = period.To.AddDays(1);
            segments = PeriodSegments.Of(after, new DateOnly(after.Year, 12, 31));
            laterYears = new DateOnly(after.Year, 1, 1);
        }
        var sign = withTotals ? -1 : 1;
        var years = segments.Years.ToArray();
        var months = segments.Months.ToArray();
        // At most two edge ranges by construction; an absent one is an empty BETWEEN.
        var (f1, t1) = segments.Days.Count > 0 ? segments.Days[0] : (DateOnly.MaxValue, DateOnly.MinValue);
        var (f2, t2) = segments.Days.Count > 1 ? segments.Days[1] : (DateOnly.MaxValue, DateOnly.MinValue);

        // One branch per index range, not ORs: with ORs the generic plan of this statement filtered every row of
        // the scope (33 ms at 1,000,000 participants instead of 3).
        var rows = await db.Database.SqlQuery<CountRow>($"""
            SELECT dimension AS "Dimension", key AS "Key", gender AS "Gender", sum(count)::int AS "Count" FROM (
                SELECT dimension, key, gender, count FROM participant_totals
                WHERE {withTotals} AND collaboration_id = {scope} AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {sign} * count FROM participant_period_counts
                WHERE collaboration_id = {scope} AND months = {ParticipantPeriodCount.Year} AND start = ANY({years}) AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {sign} * count FROM participant_period_counts
                WHERE collaboration_id = {scope} AND months = {ParticipantPeriodCount.Year} AND start > {laterYears} AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {sign} * count FROM participant_period_counts
                WHERE collaboration_id = {scope} AND months = {ParticipantPeriodCount.Month} AND start = ANY({months}) AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {sign} * count FROM participant_counts
                WHERE collaboration_id = {scope} AND day BETWEEN {f1} AND {t1} AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {sign} * count FROM participant_counts
                WHERE collaboration_id = {scope} AND day BETWEEN {f2} AND {t2} AND dimension = ANY({dims})
            ) AS x
            GROUP BY 1, 2, 3 HAVING sum(count) <> 0
            """).ToListAsync(ct);
        return rows.Select(r => new DimensionCount(r.Dimension, r.Key, (Gender)r.Gender, r.Count)).ToList();
    }

    private sealed class CountRow
    {
        public string Dimension { get; init; } = "";
        public string Key { get; init; } = "";
        public int Gender { get; init; }
        public int Count { get; init; }
    }
}
