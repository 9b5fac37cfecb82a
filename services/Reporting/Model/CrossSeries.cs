namespace Samverkan.Reporting.Model;

/// <summary>
/// One cross-table cell's counts over time, as stored in a <see cref="CrossCount"/> row: the months in which any of its
/// measures changed (<see cref="Months"/>, ascending, as <see cref="MonthNumber"/>s) and, for each of them, every
/// measure's count up to and including that month (<see cref="Counts"/>: month-major, one value per measure of
/// <see cref="Dimensions.CrossMeasures"/>). A month between two listed ones has the counts of the earlier; before the
/// first, zeros. So the count of a whole-month period is the value at its end less the value before its start: two
/// look-ups per cell, however many months or participants lie behind it.
/// </summary>
/// <remarks>
/// Canonical: a month is listed only when its counts differ from the month before (the first from zeros), so two
/// series of the same counts are the same arrays whatever order their changes came in. The live writer adds a
/// change's series to the stored one in SQL (<c>cross_counts_add</c>, the same sum and the same canonical form; see the
/// CrossCountSeries migration) and the rebuild stores the series of all changes at once (<see cref="CrossSeriesBuilder"/>):
/// the projection test compares the two row for row.
/// </remarks>
public readonly record struct CrossSeries(int[] Months, int[] Counts)
{
    /// <summary>A calendar month as one integer (year × 12 + month − 1), the form <see cref="Months"/> holds.</summary>
    public static int MonthNumber(DateOnly day) => day.Year * 12 + day.Month - 1;

    public bool IsEmpty => Months.Length == 0;

    /// <summary>The measures' counts up to and including <paramref name="month"/> (a <see cref="MonthNumber"/>).</summary>
    public int[] At(int month)
    {
        var stride = Months.Length == 0 ? 0 : Counts.Length / Months.Length;
        var i = Array.BinarySearch(Months, month);
        if (i < 0)
            i = ~i - 1; // the last month listed before it
        return i < 0 ? new int[Dimensions.CrossMeasures.Count] : Counts[(i * stride)..((i + 1) * stride)];
    }
}

/// <summary>
/// Collects changes to cross-table counters (<see cref="CrossDelta"/>) by cell and month, netted, and makes each cell's
/// canonical <see cref="CrossSeries"/>: the one way both the live writer and the rebuild turn changes into rows.
/// </summary>
public sealed class CrossSeriesBuilder
{
    private static readonly Dictionary<string, int> MeasureIndex =
        Dimensions.CrossMeasures.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);

    private readonly Dictionary<CrossKey, Dictionary<int, int[]>> _cells = [];

    public void Add(CrossDelta d) =>
        Add(new CrossKey(d.Scope, d.Rows, d.RowKey, d.Columns, d.ColumnKey, d.Gender), CrossSeries.MonthNumber(d.Month), MeasureIndex[d.Measure], d.Delta);

    private void Add(CrossKey key, int month, int measure, int delta)
    {
        if (!_cells.TryGetValue(key, out var months))
            _cells[key] = months = [];
        if (!months.TryGetValue(month, out var counts))
            months[month] = counts = new int[Dimensions.CrossMeasures.Count];
        counts[measure] += delta;
    }

    /// <summary>
    /// Adds every cell collected here to <paramref name="total"/>, under <paramref name="scope"/>: the rebuild sums the
    /// collaborations' cells into the scope of all collaborations this way, a cell and month at a time rather than a
    /// participant's change at a time.
    /// </summary>
    public void AddTo(CrossSeriesBuilder total, Guid scope)
    {
        foreach (var (key, months) in _cells)
            foreach (var (month, counts) in months)
                for (var m = 0; m < counts.Length; m++)
                    if (counts[m] != 0)
                        total.Add(key with { Scope = scope }, month, m, counts[m]);
    }

    /// <summary>Every cell whose counts do not net to zero, with its series; sorted (see <see cref="CounterRows"/>).</summary>
    public List<(CrossKey Key, CrossSeries Series)> Rows(IComparer<CrossKey> order)
    {
        var rows = new List<(CrossKey Key, CrossSeries Series)>();
        foreach (var (key, byMonth) in _cells)
        {
            var series = Series(byMonth);
            if (!series.IsEmpty)
                rows.Add((key, series));
        }
        rows.Sort((a, b) => order.Compare(a.Key, b.Key));
        return rows;
    }

    /// <summary>Running sums of a cell's changes by month, months without a net change left out.</summary>
    private static CrossSeries Series(Dictionary<int, int[]> byMonth)
    {
        var stride = Dimensions.CrossMeasures.Count;
        var running = new int[stride];
        var months = new List<int>(byMonth.Count);
        var counts = new List<int>(byMonth.Count * stride);
        foreach (var month in byMonth.Keys.Order())
        {
            var change = byMonth[month];
            if (Array.TrueForAll(change, c => c == 0))
                continue;
            for (var m = 0; m < stride; m++)
                running[m] += change[m];
            months.Add(month);
            counts.AddRange(running);
        }
        return new CrossSeries([.. months], [.. counts]);
    }
}
