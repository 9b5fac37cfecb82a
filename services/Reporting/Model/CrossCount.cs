namespace Samverkan.Reporting.Model;

/// <summary>
/// A cross-table counter (<see cref="Dimensions.CrossCounters"/>): in one scope, the participants of one measure (started,
/// or exits of one outcome) by the key of one crossed dimension (<see cref="Rows"/>) and of a second one or none
/// (<see cref="Columns"/> ""), by gender; per calendar month (<see cref="Months"/> 1, from <see cref="Start"/>) and over
/// all time (<see cref="Months"/> 0, <see cref="Start"/> <see cref="DateOnly.MinValue"/>). A cold cross-table is one
/// index range per part: the totals, the months of the period, the months after its end.
/// </summary>
/// <remarks>
/// Known limit, measured (bench/crosstable.sh at 20,000 participants, on a loaded machine): 2.15 million rows, 664 MB,
/// a 53 s rebuild, cold reads p50 15 ms for a collaboration and 51 ms for the region. Pairs of fine dimensions
/// (municipality × referring actor) per month hardly aggregate: the rows grow with the participants (about a hundred
/// each), so this layout will not hold 1,000,000. To be redesigned before the 1M run (pairs per year or per period
/// bucket, or a compact per-participant fact table grouped at read time).
/// </remarks>
public sealed class CrossCount
{
    public const int Month = 1;
    public const int Total = 0;

    public Guid Scope { get; init; }
    public string Rows { get; init; } = "";
    public string Columns { get; init; } = "";
    public int Months { get; init; }
    public DateOnly Start { get; init; }
    public string RowKey { get; init; } = "";
    public string ColumnKey { get; init; } = "";
    public int Gender { get; init; }
    public string Measure { get; init; } = "";
    public int Count { get; set; }
}
