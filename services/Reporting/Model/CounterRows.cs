using System.Text.Json;
using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>
/// The rows a set of counter changes makes in each counter table — dated (participant_counts), per calendar month and
/// year (participant_period_counts), totals (participant_totals) and the regional view's per-municipality totals
/// (regional_totals, by name) — netted and sorted. One function for the live path (<c>CounterWriter</c> adds them to the
/// stored rows) and the rebuild (which COPYs the rows of every participant's counters in): the two cannot disagree.
/// </summary>
public sealed class CounterRows
{
    public required List<(CounterKey Key, DateOnly Day, int Count)> Dated { get; init; }
    public required List<(CounterKey Key, int Months, DateOnly Start, int Count)> Periods { get; init; }
    public required List<(CounterKey Key, int Count)> Totals { get; init; }
    /// <summary>Per scope and municipality, the counts by name (<see cref="RegionalCounts.NameOf"/>), zeros left out.</summary>
    public required List<(Guid Scope, string Code, SortedDictionary<string, int> Counts)> Regional { get; init; }

    /// <summary>The cross-table counters: per cell, the series of its changes (<see cref="CrossCount"/>, <see cref="CrossSeries"/>).</summary>
    public required List<(CrossKey Key, CrossSeries Series)> Cross { get; init; }

    public bool IsEmpty => Dated.Count == 0 && Cross.Count == 0;

    // Sorted, so that two consumers touching the same counters lock them in the same order and never deadlock, and so
    // that a scope's rows are written (and by the rebuild, stored) together.
    private static readonly IComparer<CounterKey> KeyOrder = Comparer<CounterKey>.Create((a, b) =>
    {
        var c = a.Scope.CompareTo(b.Scope);
        if (c == 0) c = string.CompareOrdinal(a.Dimension, b.Dimension);
        if (c == 0) c = string.CompareOrdinal(a.Key, b.Key);
        return c != 0 ? c : a.Gender.CompareTo(b.Gender);
    });

    public static readonly IComparer<CrossKey> CrossOrder = Comparer<CrossKey>.Create((a, b) =>
    {
        var c = a.Scope.CompareTo(b.Scope);
        if (c == 0) c = string.CompareOrdinal(a.Rows, b.Rows);
        if (c == 0) c = string.CompareOrdinal(a.Columns, b.Columns);
        if (c == 0) c = string.CompareOrdinal(a.RowKey, b.RowKey);
        if (c == 0) c = string.CompareOrdinal(a.ColumnKey, b.ColumnKey);
        return c != 0 ? c : a.Gender.CompareTo(b.Gender);
    });

    public static CounterRows Of(IEnumerable<CounterDelta> deltas, IEnumerable<CrossDelta>? crossDeltas = null)
    {
        var cross = new CrossSeriesBuilder();
        foreach (var d in crossDeltas ?? [])
            cross.Add(d);
        var dated = new Dictionary<(CounterKey, DateOnly), int>();
        foreach (var d in deltas)
        {
            var key = (new CounterKey(d.Scope, d.Dimension, d.Key, d.Gender), d.Day);
            dated[key] = dated.GetValueOrDefault(key) + d.Delta;
        }
        // Netted: an update that changes nothing in a dimension writes nothing there.
        var datedRows = dated.Where(x => x.Value != 0).Select(x => (x.Key.Item1, x.Key.Item2, x.Value))
            .OrderBy(x => x.Item1, KeyOrder).ThenBy(x => x.Item2).ToList();
        var periods = new Dictionary<(CounterKey, int, DateOnly), int>();
        var totals = new Dictionary<CounterKey, int>();
        foreach (var (key, day, count) in datedRows)
        {
            var month = (key, ParticipantPeriodCount.Month, new DateOnly(day.Year, day.Month, 1));
            var year = (key, ParticipantPeriodCount.Year, new DateOnly(day.Year, 1, 1));
            periods[month] = periods.GetValueOrDefault(month) + count;
            periods[year] = periods.GetValueOrDefault(year) + count;
            totals[key] = totals.GetValueOrDefault(key) + count;
        }
        var totalRows = totals.Where(x => x.Value != 0).Select(x => (x.Key, x.Value)).OrderBy(x => x.Key, KeyOrder).ToList();
        var regional = new Dictionary<(Guid Scope, string Code), SortedDictionary<string, int>>();
        foreach (var (key, count) in totalRows)
            if (RegionalCounts.NameOf(key.Dimension, key.Key, (Gender)key.Gender) is { } slot)
            {
                if (!regional.TryGetValue((key.Scope, slot.Code), out var row))
                    regional[(key.Scope, slot.Code)] = row = new(StringComparer.Ordinal);
                row[slot.Name] = row.GetValueOrDefault(slot.Name) + count;
            }
        return new CounterRows
        {
            Dated = datedRows,
            Periods = periods.Where(x => x.Value != 0).Select(x => (x.Key.Item1, x.Key.Item2, x.Key.Item3, x.Value))
                .OrderBy(x => x.Item1, KeyOrder).ThenBy(x => x.Item2).ThenBy(x => x.Item3).ToList(),
            Totals = totalRows,
            Regional = regional.Select(x => (x.Key.Scope, x.Key.Code, x.Value))
                .OrderBy(x => x.Scope).ThenBy(x => x.Code, StringComparer.Ordinal).ToList(),
            Cross = cross.Rows(CrossOrder),
        };
    }

    /// <summary>A regional row's counts as stored (jsonb).</summary>
    public static string Json(SortedDictionary<string, int> counts) => JsonSerializer.Serialize(counts.Where(c => c.Value != 0).ToDictionary());
}

/// <summary>One cross-table cell: a scope's participants of one key (or pair of keys) and gender, every measure and month (<see cref="CrossCount"/>).</summary>
public readonly record struct CrossKey(Guid Scope, string Rows, string RowKey, string Columns, string ColumnKey, int Gender);

/// <summary>One counter, over all days: scope, dimension, key and gender.</summary>
public readonly record struct CounterKey(Guid Scope, string Dimension, string Key, int Gender);
