namespace Samverkan.Reporting.Model;

/// <summary>
/// A cross-table cell (<see cref="Dimensions.CrossCounters"/>): in one scope, the participants by the key of one crossed
/// dimension (<see cref="Rows"/>) and of a second one or none (<see cref="Columns"/> ""), of one gender, with every
/// measure's counts over time as one <see cref="CrossSeries"/> (<see cref="Months"/>, <see cref="Counts"/>). A cold
/// cross-table is one index range of its pair's cells, and from each, two slices of its counts: at the period's last
/// month and before its first (see <c>CrossTableReads</c>).
/// </summary>
/// <remarks>
/// <para>
/// Rows grow with the keys a scope has seen, not with participants or months: the series of a cell lists only the months
/// its counts changed in, so a cell of one participant holds two months (its start and its exit) and a busy cell at most
/// one per calendar month counted. The earlier layout (a row per cell, measure and month, plus totals) measured at
/// 20,000 participants 2.15 million rows, 664 MB, a 53 s rebuild and cold reads p50 15 ms (collaboration) and 51 ms
/// (region), its reads growing with the months in a period. This one (bench/results/2026-12-04-crosstable.md, on a busy
/// machine): 261,432 rows and 146 MB at 20,000 participants; 1.6 million rows and 1,450 MB at 1,000,000, where pairs
/// without the municipality answer cold at p50 2–4 ms, p99 17 ms (region) and 23 ms (collaboration).
/// </para>
/// <para>
/// Known limit: pairs with the municipality are bound by the size of their answer, not by this table. Municipality ×
/// referring actor is 5,800 lines of 15 measures × 4 columns, 11 MB of JSON for the region and for one collaboration of
/// 20,000 participants alike (300–570 ms); the municipality alone, 0.55 MB, answers in 14–36 ms. A smaller answer for
/// them (paging, a compact form) is an API decision.
/// </para>
/// <para>
/// Arrays rather than a row per month so that a read touches a cell once; kept in the row itself (the table's
/// toast_tuple_target is the page, see its configuration) so that the two slices read no TOAST and decompress nothing.
/// A busy cell of ten years is 120 months × 8 measures × 4 bytes, about 4 KB. The live writer adds a change's series to
/// the row (<c>cross_counts_add</c>), so a row is rewritten whole on each change; its fillfactor leaves room for that.
/// </para>
/// </remarks>
public sealed class CrossCount
{
    public Guid Scope { get; init; }
    public string Rows { get; init; } = "";
    public string Columns { get; init; } = "";
    public string RowKey { get; init; } = "";
    public string ColumnKey { get; init; } = "";
    public int Gender { get; init; }
    /// <summary>The months the counts changed in (<see cref="CrossSeries.MonthNumber"/>), ascending.</summary>
    public int[] Months { get; init; } = [];
    /// <summary>For each of <see cref="Months"/>, every measure's count up to it (<see cref="Dimensions.CrossMeasures"/> order).</summary>
    public int[] Counts { get; init; } = [];
}
