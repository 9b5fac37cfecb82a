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
        // the scope (33 ms at 1,000,000 participants instead of 3). Summed here rather than by a GROUP BY: the
        // rows are mostly distinct already, and PostgreSQL's hash aggregate over thousands of text keys took longer
        // (~3 ms for the regional view) than reading them.
        var rows = await db.Database.SqlQuery<CountRow>($"""
            SELECT dimension AS "Dimension", key AS "Key", gender AS "Gender", count AS "Count" FROM participant_totals
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
            SELECT dimension, key, gender, {s1} * count FROM participant_counts
            WHERE collaboration_id = {scope} AND day BETWEEN {f1} AND {t1} AND dimension = ANY({dims})
            UNION ALL
            SELECT dimension, key, gender, {s2} * count FROM participant_counts
            WHERE collaboration_id = {scope} AND day BETWEEN {f2} AND {t2} AND dimension = ANY({dims})
            """).ToListAsync(ct);
        var sums = new Dictionary<(string Dimension, string Key, int Gender), int>(rows.Count);
        foreach (var r in rows)
        {
            ref var sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, (r.Dimension, r.Key, r.Gender), out _);
            sum += r.Count;
        }
        return sums.Where(x => x.Value != 0).Select(x => new DimensionCount(x.Key.Dimension, x.Key.Key, (Gender)x.Key.Gender, x.Value)).ToList();
    }

    private sealed class CountRow
    {
        public string Dimension { get; init; } = "";
        public string Key { get; init; } = "";
        public int Gender { get; init; }
        public int Count { get; init; }
    }
}
