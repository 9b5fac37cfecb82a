using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Reporting.Model;

/// <summary>
/// A count as a viewer may see it: <c>count</c> with its <c>display</c> text, or, when hidden, no count,
/// <c>suppressed: true</c>, and a display and <c>reason</c> that say why (<see cref="SuppressionMarks"/>): "&lt;5"
/// (<c>small</c>) for a count below the threshold, ".." (<c>complement</c>) for one hidden so that a small count
/// elsewhere cannot be worked out (it may hold any number).
/// </summary>
public sealed record Cell(int? Count, string Display, bool Suppressed)
{
    /// <summary>Null when shown; <see cref="SuppressionMarks.Small"/> or <see cref="SuppressionMarks.Complement"/>, from the mark.</summary>
    public string? Reason => SuppressionMarks.ReasonOf(Display, Suppressed);

    /// <summary>
    /// The cells of the counts most reports are made of, made once: immutable, so shared. A regional view holds
    /// ~10,000 cells, and two allocations each (the cell and its text) were much of the garbage of building one.
    /// </summary>
    private static readonly Cell[] Small = Enumerable.Range(0, 10_000)
        .Select(n => new Cell(n, n.ToString(System.Globalization.CultureInfo.InvariantCulture), false)).ToArray();

    public static Cell Shown(int count) => (uint)count < (uint)Small.Length ? Small[count]
        : new(count, count.ToString(System.Globalization.CultureInfo.InvariantCulture), false);
    public static Cell Hidden(int threshold) => new(null, $"<{threshold}", true);
    public static Cell Complement() => ComplementCell;
    private static readonly Cell ComplementCell = new(null, SuppressionMarks.ComplementMark, true);
}

/// <summary>One row of a table: women, men, non-binary and their total.</summary>
public sealed record SummaryRow(string Key, string Label, Cell Women, Cell Men, Cell NonBinary, Cell Total);

public sealed record ColumnHeader(string Key, string Label);

/// <summary>
/// A breakdown of participants started by one dimension × gender. <c>Totals</c> is the column totals row;
/// absent where rows overlap (target groups: one participant can be in several).
/// </summary>
public sealed record SummaryTable(string Dimension, string Label, IReadOnlyList<SummaryRow> Rows, SummaryRow? Totals);

/// <summary>Participants started against the collaboration's planned number; share in percent.</summary>
public sealed record VolumeAgainstTarget(int Target, Cell Started, decimal? SharePercent);

/// <summary>
/// The collaboration summary. Counts are of participants started (and exits made) up to <c>AsOf</c>, or, when
/// <c>From</c> is given, between the two dates; <c>Active</c> is always as of <c>AsOf</c>.
/// </summary>
public sealed record CollaborationSummaryReport(
    Guid CollaborationId,
    string? Name,
    DateOnly AsOf,
    DateOnly? From,
    /// <summary>True when every count is exact; false when small counts are suppressed.</summary>
    bool Exact,
    int? SuppressionThreshold,
    IReadOnlyList<ColumnHeader> Columns,
    SummaryRow Started,
    VolumeAgainstTarget? Volume,
    IReadOnlyList<SummaryTable> Tables,
    ExitTable Exits,
    TargetComparison? WorkOrStudiesAgainstTarget,
    SummaryRow Active,
    IReadOnlyList<MonthHours> HoursByMonth)
{
    /// <summary>The marks hidden figures are shown with, and what each means (<see cref="SuppressionMarks"/>); empty when exact.</summary>
    public IReadOnlyList<SuppressionMark> Marks { get; init; } = [];

    /// <summary>Exits per referring actor: all, to work, to work or studies, and each outcome, by gender.</summary>
    public IReadOnlyList<ReferrerExits> ExitsByReferringActor { get; init; } = [];
}

/// <summary>One referring actor's exits in the summary.</summary>
public sealed record ReferrerExits(string Key, string Label, SummaryRow Exited, SummaryRow Work, SummaryRow WorkOrStudies, IReadOnlyList<SummaryRow> Outcomes);

/// <summary>
/// A share in percent (one decimal) with its display text; hidden ("..", never "&lt;5": the share is not below
/// 5 %) when the count or the denominator it comes from is hidden, absent ("–") when the denominator is 0.
/// </summary>
public sealed record Share(decimal? Percent, string Display, bool Suppressed)
{
    /// <summary>Null when shown; <see cref="SuppressionMarks.Complement"/> when hidden.</summary>
    public string? Reason => SuppressionMarks.ReasonOf(Display, Suppressed);

    public static Share Shown(decimal percent) => new(percent, percent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), false);
    public static Share Hidden(int threshold) => HiddenShare;
    private static readonly Share HiddenShare = new(null, SuppressionMarks.ComplementMark, true);
    public static readonly Share None = new(null, "–", false);

    public static Share Of(int count, bool countHidden, int denominator, bool denominatorHidden, int? threshold) =>
        (countHidden || denominatorHidden) && threshold is { } t ? Hidden(t)
        : denominator == 0 ? None
        : count >= 0 && denominator > 0 ? OfNonNegative(count, denominator)
        : Shown(Math.Round(100m * count / denominator, 1, MidpointRounding.AwayFromZero));

    /// <summary>
    /// The same value, scale and text as <c>Math.Round(100m * count / denominator, 1, AwayFromZero)</c> in integer
    /// arithmetic: a regional view takes ~8,000 shares, and the decimal division and formatting were a third of
    /// building it. Decimal division keeps the smallest scale of an exact quotient (50, 12.5) and rounding a longer
    /// one leaves one decimal (33.3, and 100.0 from 99.96), hence the scale chosen below.
    /// </summary>
    private static Share OfNonNegative(int count, int denominator)
    {
        var thousandfold = 1000L * count;
        var tenths = (2 * thousandfold + denominator) / (2L * denominator); // halves away from zero
        var scale = thousandfold % denominator != 0 || 100L * count % denominator != 0 ? 1 : 0;
        return tenths <= 1000 ? Percents[scale, tenths] : Create(tenths, scale);
    }

    /// <summary>0.0–100.0 % (each with the scale it can come with), made once and shared, as <see cref="Cell"/>'s small counts.</summary>
    private static readonly Share[,] Percents = MakePercents();

    private static Share[,] MakePercents()
    {
        var shares = new Share[2, 1001];
        for (var tenths = 0; tenths <= 1000; tenths++)
            for (var scale = 0; scale < 2; scale++)
                shares[scale, tenths] = Create(tenths, scale);
        return shares;
    }

    private static Share Create(long tenths, int scale)
    {
        var percent = scale == 1 ? new decimal((int)(tenths & 0xFFFFFFFF), (int)(tenths >> 32), 0, false, 1) : tenths / 10;
        var display = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{tenths / 10}.{tenths % 10}");
        return new Share(percent, display, false);
    }
}

public sealed record Shares(Share Women, Share Men, Share NonBinary, Share Total);

/// <summary>
/// Exits by one outcome × gender, with each cell's share of all exits of that gender. <c>Group</c> rows
/// ("work", "work-or-studies") are sums of outcome rows, not further outcomes.
/// </summary>
public sealed record ExitRow(string Key, string Label, bool Group, Cell Women, Cell Men, Cell NonBinary, Cell Total, Shares Shares);

public sealed record ExitTable(string Label, IReadOnlyList<ExitRow> Rows, SummaryRow Totals);

/// <summary>The share of exits to work or studies (all genders) against the collaboration's target, in percent.</summary>
public sealed record TargetComparison(decimal TargetPercent, Share Actual, bool? Met);

/// <summary>Participation hours in a month ("2026-02"); hidden when they come from fewer participants than the threshold.</summary>
public sealed record MonthHours(string Month, decimal? Hours, string Display, bool Suppressed, int? Participants);

/// <summary>A pre-aggregated count summed up to the as-of date.</summary>
public sealed record DimensionCount(string Dimension, string Key, Gender Gender, int Count);

