using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Applies counter changes to the dated counts, the month and year counts, the totals and the regional view's totals
/// per municipality, in the caller's transaction.
/// </summary>
public static class CounterWriter
{
    public static async Task ApplyAsync(ReportingDbContext db, IEnumerable<CounterDelta> deltas, CancellationToken ct)
    {
        // Netted (an update that changes nothing in a dimension writes nothing there) and sorted, so that two
        // consumers touching the same counters lock them in the same order and never deadlock.
        var dated = deltas.GroupBy(d => (d.Scope, d.Dimension, d.Key, d.Gender, d.Day))
            .Select(g => (g.Key, Delta: g.Sum(d => d.Delta))).Where(x => x.Delta != 0)
            .OrderBy(x => x.Key.Scope).ThenBy(x => x.Key.Dimension, StringComparer.Ordinal).ThenBy(x => x.Key.Key, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Gender).ThenBy(x => x.Key.Day).ToList();
        if (dated.Count == 0)
            return;
        db.ChangedScopes.UnionWith(dated.Select(x => x.Key.Scope));
        // The same changes by calendar month and year, for periods (see ParticipantPeriodCount); in the same order.
        var periods = dated.SelectMany(x => new[]
            {
                (x.Key.Scope, x.Key.Dimension, x.Key.Key, x.Key.Gender, Months: ParticipantPeriodCount.Month, Start: new DateOnly(x.Key.Day.Year, x.Key.Day.Month, 1), x.Delta),
                (x.Key.Scope, x.Key.Dimension, x.Key.Key, x.Key.Gender, Months: ParticipantPeriodCount.Year, Start: new DateOnly(x.Key.Day.Year, 1, 1), x.Delta),
            })
            .GroupBy(x => (x.Scope, x.Dimension, x.Key, x.Gender, x.Months, x.Start))
            .Select(g => (g.Key, Delta: g.Sum(x => x.Delta))).Where(x => x.Delta != 0)
            .OrderBy(x => x.Key.Scope).ThenBy(x => x.Key.Dimension, StringComparer.Ordinal).ThenBy(x => x.Key.Key, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Gender).ThenBy(x => x.Key.Months).ThenBy(x => x.Key.Start).ToList();
        // Grouped in the dated rows' order: sorted too.
        var totals = dated.GroupBy(x => (x.Key.Scope, x.Key.Dimension, x.Key.Key, x.Key.Gender))
            .Select(g => (g.Key, Delta: g.Sum(x => x.Delta))).Where(x => x.Delta != 0).ToList();
        // The same totals per municipality as the regional view reads them (RegionalCounts), one array a row, flattened
        // for the statement; sorted by scope and municipality.
        var regional = new SortedDictionary<(Guid Scope, string Code), int[]>(Comparer<(Guid Scope, string Code)>.Create((a, b) =>
            a.Scope != b.Scope ? a.Scope.CompareTo(b.Scope) : string.CompareOrdinal(a.Code, b.Code)));
        foreach (var (key, delta) in totals)
            if (RegionalCounts.Slot(key.Dimension, key.Key, (Contracts.Participants.Gender)key.Gender) is { } slot)
            {
                if (!regional.TryGetValue((key.Scope, slot.Code), out var row))
                    regional[(key.Scope, slot.Code)] = row = new int[RegionalCounts.Width];
                row[slot.Index] += delta;
            }

        // One round trip for the four upserts (an empty array inserts nothing): they run in every participant
        // event's transaction.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO participant_counts (collaboration_id, dimension, key, gender, day, count)
            SELECT * FROM unnest({dated.Select(x => x.Key.Scope).ToArray()}::uuid[], {dated.Select(x => x.Key.Dimension).ToArray()}::text[],
                {dated.Select(x => x.Key.Key).ToArray()}::text[], {dated.Select(x => x.Key.Gender).ToArray()}::int[],
                {dated.Select(x => x.Key.Day).ToArray()}::date[], {dated.Select(x => x.Delta).ToArray()}::int[])
            ON CONFLICT (collaboration_id, dimension, key, gender, day) DO UPDATE SET count = participant_counts.count + EXCLUDED.count;
            INSERT INTO participant_period_counts (collaboration_id, dimension, key, gender, months, start, count)
            SELECT * FROM unnest({periods.Select(x => x.Key.Scope).ToArray()}::uuid[], {periods.Select(x => x.Key.Dimension).ToArray()}::text[],
                {periods.Select(x => x.Key.Key).ToArray()}::text[], {periods.Select(x => x.Key.Gender).ToArray()}::int[],
                {periods.Select(x => x.Key.Months).ToArray()}::int[], {periods.Select(x => x.Key.Start).ToArray()}::date[], {periods.Select(x => x.Delta).ToArray()}::int[])
            ON CONFLICT (collaboration_id, dimension, key, gender, months, start) DO UPDATE SET count = participant_period_counts.count + EXCLUDED.count;
            INSERT INTO participant_totals (collaboration_id, dimension, key, gender, count)
            SELECT * FROM unnest({totals.Select(x => x.Key.Scope).ToArray()}::uuid[], {totals.Select(x => x.Key.Dimension).ToArray()}::text[],
                {totals.Select(x => x.Key.Key).ToArray()}::text[], {totals.Select(x => x.Key.Gender).ToArray()}::int[], {totals.Select(x => x.Delta).ToArray()}::int[])
            ON CONFLICT (collaboration_id, dimension, key, gender) DO UPDATE SET count = participant_totals.count + EXCLUDED.count;
            INSERT INTO regional_totals (scope, municipality_code, counts)
            SELECT x.s[i], x.m[i], x.c[(i - 1) * {RegionalCounts.Width} + 1 : i * {RegionalCounts.Width}]
            FROM (SELECT {regional.Keys.Select(k => k.Scope).ToArray()}::uuid[] AS s, {regional.Keys.Select(k => k.Code).ToArray()}::text[] AS m,
                {regional.Values.SelectMany(r => r).ToArray()}::int[] AS c) AS x, generate_subscripts(x.s, 1) AS i
            ON CONFLICT (scope, municipality_code) DO UPDATE
            SET counts = ARRAY(SELECT a + b FROM unnest(regional_totals.counts, EXCLUDED.counts) WITH ORDINALITY AS u(a, b, o) ORDER BY o)
            """, ct);
    }

    /// <summary>
    /// Serialises the consumers of one participant's events (enrolment, update, exit, hours, presentation) for
    /// the rest of the transaction: the second of an enrolment and its exit must see the first.
    /// </summary>
    public static Task LockParticipantAsync(ReportingDbContext db, Guid participantId, CancellationToken ct) =>
        db.Database.LockAsync(participantId, ct);
}
