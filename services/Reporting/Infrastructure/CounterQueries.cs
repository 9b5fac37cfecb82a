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
        // At most two day ranges by construction (see PeriodSegments), each added or taken away; an absent one is
        // an empty BETWEEN.
        var ranges = segments.Days.Select(d => (d.From, d.To, Sign: sign))
            .Concat(segments.LessDays.Select(d => (d.From, d.To, Sign: -sign))).ToList();
        if (ranges.Count > 2)
            throw new InvalidOperationException($"{ranges.Count} day ranges; the query reads two at most.");
        var (f1, t1, s1) = ranges.Count > 0 ? ranges[0] : (DateOnly.MaxValue, DateOnly.MinValue, 0);
        var (f2, t2, s2) = ranges.Count > 1 ? ranges[1] : (DateOnly.MaxValue, DateOnly.MinValue, 0);

        // One branch per index range, not ORs: with ORs the generic plan of this statement filtered every row of
        // the scope (33 ms at 1,000,000 participants instead of 3). The dated rows are summed by PostgreSQL (a period
        // reads up to a dozen per key); the totals, one per key already, are not: a hash aggregate over the regional
        // view's ~7,000 totals doubled the query's time (~6 ms against ~3). Combined below.
        var rows = await db.Database.SqlQuery<CountRow>($"""
            SELECT true AS "Total", dimension AS "Dimension", key AS "Key", gender AS "Gender", count AS "Count" FROM participant_totals
            WHERE {withTotals} AND collaboration_id = {scope} AND dimension = ANY({dims})
            UNION ALL
            SELECT false, dimension, key, gender, sum(count)::int FROM (
                SELECT dimension, key, gender, {sign} * count AS count FROM participant_period_counts
                WHERE collaboration_id = {scope} AND months = {ParticipantPeriodCount.Year} AND start = ANY({years}) AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {sign} * count FROM participant_period_counts
                WHERE collaboration_id = {scope} AND months = {ParticipantPeriodCount.Year} AND start > {laterYears} AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {sign} * count FROM participant_period_counts
                WHERE collaboration_id = {scope} AND months = {ParticipantPeriodCount.Month} AND start = ANY({months}) AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {s1} * count FROM participant_counts
                WHERE collaboration_id = {scope} AND day BETWEEN {f1} AND {t1} AND dimension = ANY({dims})
                UNION ALL
                SELECT dimension, key, gender, {s2} * count FROM participant_counts
                WHERE collaboration_id = {scope} AND day BETWEEN {f2} AND {t2} AND dimension = ANY({dims})
            ) AS dated
            GROUP BY 2, 3, 4
            """).ToListAsync(ct);
        return Combine(rows);
    }

    /// <summary>Each key's total (one row at most) plus its summed dated rows (one at most); the keys not at zero.</summary>
    private static List<DimensionCount> Combine(List<CountRow> rows)
    {
        var dated = new Dictionary<(string Dimension, string Key, int Gender), int>();
        foreach (var r in rows)
            if (!r.Total)
                dated[(r.Dimension, r.Key, r.Gender)] = r.Count;
        var counts = new List<DimensionCount>(rows.Count - dated.Count);
        foreach (var r in rows)
        {
            if (!r.Total)
                continue;
            var count = dated.Remove((r.Dimension, r.Key, r.Gender), out var change) ? r.Count + change : r.Count;
            if (count != 0)
                counts.Add(new DimensionCount(r.Dimension, r.Key, (Gender)r.Gender, count));
        }
        foreach (var ((dimension, key, gender), count) in dated)
            if (count != 0)
                counts.Add(new DimensionCount(dimension, key, (Gender)gender, count));
        return counts;
    }

    private sealed class CountRow
    {
        public bool Total { get; init; }
        public string Dimension { get; init; } = "";
        public string Key { get; init; } = "";
        public int Gender { get; init; }
        public int Count { get; init; }
    }
}
