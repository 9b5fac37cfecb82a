using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Adds counter changes (<see cref="CounterRows"/>) to the dated counts, the month and year counts, the totals, the
/// regional view's totals per municipality and the cross-table cells, in the caller's transaction.
/// </summary>
public static class CounterWriter
{
    /// <summary>A participant's counters and cross-table counters (<see cref="Dimensions.Counters"/>, <see cref="Dimensions.CrossCounters"/>).</summary>
    public static Task ApplyAsync(ReportingDbContext db, CountedParticipant participant, int delta, CountedAt? only, CancellationToken ct) =>
        ApplyAsync(db, Dimensions.Counters(participant, delta, only), Dimensions.CrossCounters(participant, delta, only), ct);

    public static async Task ApplyAsync(ReportingDbContext db, IEnumerable<CounterDelta> deltas, CancellationToken ct) =>
        await ApplyAsync(db, deltas, [], ct);

    /// <summary>
    /// Adds the changes now, or, inside a consumer's batch (<see cref="BatchWrites"/>), with the rest of the batch's
    /// before it commits. Either way the scopes whose counts change are recorded for the message at once.
    /// </summary>
    public static async Task ApplyAsync(ReportingDbContext db, IEnumerable<CounterDelta> deltas, IEnumerable<CrossDelta> crossDeltas, CancellationToken ct)
    {
        List<CounterDelta> counters = [.. deltas];
        List<CrossDelta> cross = [.. crossDeltas];
        if (db.Batch.Collecting)
        {
            // The rows are made once, merged, when the batch flushes; here the scopes come from the deltas as they
            // are, not netted. So a correction that changes no count (an update of a field no counter reads) raises
            // its scope's version too: that is safe, a raised version only makes cached reports be built again, and
            // it spares every message of a batch a CounterRows pass of its own on the consumers' hot path.
            db.ChangedScopes.UnionWith(counters.Select(d => d.Scope));
            db.ChangedScopes.UnionWith(cross.Select(d => d.Scope));
            db.Batch.AddCounters(counters, cross);
            return;
        }
        var rows = CounterRows.Of(counters, cross);
        if (rows.IsEmpty)
            return;
        db.ChangedScopes.UnionWith(rows.Dated.Select(x => x.Key.Scope));
        db.ChangedScopes.UnionWith(rows.Cross.Select(x => x.Key.Scope));
        await WriteAsync(db, rows, ct);
    }

    /// <summary>Adds <paramref name="rows"/> to the stored counters, in one round trip.</summary>
    public static async Task WriteAsync(ReportingDbContext db, CounterRows rows, CancellationToken ct)
    {
        if (rows.IsEmpty)
            return;
        var (dated, periods, totals, regional, cross) = (rows.Dated, rows.Periods, rows.Totals, rows.Regional, rows.Cross);

        // One round trip for the five upserts (an empty array inserts nothing): they run in every participant
        // event's transaction. A regional row's counts are added name by name; a cross-table cell's series is added to
        // the stored one by cross_counts_add (CrossSeries), each series passed as an array literal (one per row: SQL
        // has no arrays of arrays of different lengths).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO participant_counts (collaboration_id, dimension, key, gender, day, count)
            SELECT * FROM unnest({dated.Select(x => x.Key.Scope).ToArray()}::uuid[], {dated.Select(x => x.Key.Dimension).ToArray()}::text[],
                {dated.Select(x => x.Key.Key).ToArray()}::text[], {dated.Select(x => x.Key.Gender).ToArray()}::int[],
                {dated.Select(x => x.Day).ToArray()}::date[], {dated.Select(x => x.Count).ToArray()}::int[])
            ON CONFLICT (collaboration_id, dimension, key, gender, day) DO UPDATE SET count = participant_counts.count + EXCLUDED.count;
            INSERT INTO participant_period_counts (collaboration_id, dimension, key, gender, months, start, count)
            SELECT * FROM unnest({periods.Select(x => x.Key.Scope).ToArray()}::uuid[], {periods.Select(x => x.Key.Dimension).ToArray()}::text[],
                {periods.Select(x => x.Key.Key).ToArray()}::text[], {periods.Select(x => x.Key.Gender).ToArray()}::int[],
                {periods.Select(x => x.Months).ToArray()}::int[], {periods.Select(x => x.Start).ToArray()}::date[], {periods.Select(x => x.Count).ToArray()}::int[])
            ON CONFLICT (collaboration_id, dimension, key, gender, months, start) DO UPDATE SET count = participant_period_counts.count + EXCLUDED.count;
            INSERT INTO participant_totals (collaboration_id, dimension, key, gender, count)
            SELECT * FROM unnest({totals.Select(x => x.Key.Scope).ToArray()}::uuid[], {totals.Select(x => x.Key.Dimension).ToArray()}::text[],
                {totals.Select(x => x.Key.Key).ToArray()}::text[], {totals.Select(x => x.Key.Gender).ToArray()}::int[], {totals.Select(x => x.Count).ToArray()}::int[])
            ON CONFLICT (collaboration_id, dimension, key, gender) DO UPDATE SET count = participant_totals.count + EXCLUDED.count;
            INSERT INTO regional_totals (scope, municipality_code, counts)
            SELECT * FROM unnest({regional.Select(r => r.Scope).ToArray()}::uuid[], {regional.Select(r => r.Code).ToArray()}::text[],
                {regional.Select(r => CounterRows.Json(r.Counts)).ToArray()}::jsonb[])
            ON CONFLICT (scope, municipality_code) DO UPDATE
            SET counts = (SELECT coalesce(jsonb_object_agg(name, n) FILTER (WHERE n <> 0), jsonb_build_object()) FROM (
                SELECT name, sum(value::int) AS n FROM (SELECT * FROM jsonb_each_text(regional_totals.counts) UNION ALL SELECT * FROM jsonb_each_text(EXCLUDED.counts)) AS u(name, value)
                GROUP BY name) AS s);
            INSERT INTO cross_counts (scope, rows, columns, row_key, column_key, gender, months, counts)
            SELECT s, r, c, rk, ck, g, m::int[], n::int[] FROM unnest({cross.Select(x => x.Key.Scope).ToArray()}::uuid[], {cross.Select(x => x.Key.Rows).ToArray()}::text[],
                {cross.Select(x => x.Key.Columns).ToArray()}::text[], {cross.Select(x => x.Key.RowKey).ToArray()}::text[],
                {cross.Select(x => x.Key.ColumnKey).ToArray()}::text[], {cross.Select(x => x.Key.Gender).ToArray()}::int[],
                {cross.Select(x => ArrayLiteral(x.Series.Months)).ToArray()}::text[], {cross.Select(x => ArrayLiteral(x.Series.Counts)).ToArray()}::text[]) AS x(s, r, c, rk, ck, g, m, n)
            ON CONFLICT (scope, rows, columns, row_key, column_key, gender) DO UPDATE
            SET (months, counts) = (SELECT a.sum_months, a.sum_counts FROM cross_counts_add(cross_counts.months, cross_counts.counts, EXCLUDED.months, EXCLUDED.counts) AS a)
            """, ct);
    }

    private static string ArrayLiteral(int[] values) =>
        "{" + string.Join(",", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "}";

    /// <summary>
    /// Serialises the consumers of one participant's events (enrolment, update, exit, hours, presentation) for
    /// the rest of the transaction: the second of an enrolment and its exit must see the first.
    /// </summary>
    public static Task LockParticipantAsync(ReportingDbContext db, Guid participantId, CancellationToken ct) =>
        db.Batch.NeedsLock(participantId) ? db.Database.LockAsync(participantId, ct) : Task.CompletedTask;
}
