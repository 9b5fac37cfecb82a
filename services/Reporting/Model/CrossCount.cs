namespace Samverkan.Reporting.Model;

/// <summary>
/// A cross-table counter (<see cref="Dimensions.CrossCounters"/>): in one scope, the participants of one measure (started,
/// or exits of one outcome) by the key of one crossed dimension (<see cref="Rows"/>) and of a second one or none
/// (<see cref="Columns"/> ""), by gender; per calendar month (<see cref="Months"/> 1, from <see cref="Start"/>) and over
/// all time (<see cref="Months"/> 0, <see cref="Start"/> <see cref="DateOnly.MinValue"/>). A cold cross-table is one
/// index range per part: the totals, the months of the period, the months after its end.
/// </summary>
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
