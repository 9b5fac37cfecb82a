using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Reporting.Model;

/// <summary>
/// A count as a viewer may see it: <c>count</c> with its <c>display</c> text, or, when hidden,
/// no count, <c>suppressed: true</c> and display "&lt;5".
/// </summary>
public sealed record Cell(int? Count, string Display, bool Suppressed)
{
    public static Cell Shown(int count) => new(count, count.ToString(System.Globalization.CultureInfo.InvariantCulture), false);
    public static Cell Hidden(int threshold) => new(null, $"<{threshold}", true);
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

public sealed record CollaborationSummaryReport(
    Guid CollaborationId,
    string? Name,
    DateOnly AsOf,
    /// <summary>True when every count is exact; false when small counts are suppressed.</summary>
    bool Exact,
    int? SuppressionThreshold,
    IReadOnlyList<ColumnHeader> Columns,
    SummaryRow Started,
    VolumeAgainstTarget? Volume,
    IReadOnlyList<SummaryTable> Tables);

/// <summary>A pre-aggregated count summed up to the as-of date.</summary>
public sealed record DimensionCount(string Dimension, string Key, Gender Gender, int Count);

/// <summary>Shapes pre-aggregated counts into a collaboration summary, suppressing where asked. Pure.</summary>
public static class CollaborationSummaryBuilder
{
    private static readonly Gender[] Genders = [Gender.Woman, Gender.Man, Gender.NonBinary];

    public static CollaborationSummaryReport Build(
        Guid collaborationId, CollaborationFact? collaboration, DateOnly asOf, IReadOnlyCollection<DimensionCount> counts,
        IReadOnlyDictionary<Guid, string> actorNames, ReportLanguage language, int? suppressionThreshold)
    {
        var headline = Vector(counts.Where(c => c.Dimension == Dimensions.Started));
        var tables = new List<(string Dimension, List<(string Key, string Label, int[] Values)> Rows, bool Partition)>
        {
            (Dimensions.ReferringActor, RowsOf(counts, Dimensions.ReferringActor, k => Guid.TryParse(k, out var id) && actorNames.TryGetValue(id, out var n) ? n : k, k => k), true),
            (Dimensions.Municipality, RowsOf(counts, Dimensions.Municipality, k => Municipalities.NameOf(k) ?? k, k => k), true),
            (Dimensions.TargetGroup, RowsOf(counts, Dimensions.TargetGroup,
                k => Enum.TryParse<TargetGroup>(k, out var g) ? ReportLabels.TargetGroup(g, language) : k,
                k => Enum.TryParse<TargetGroup>(k, out var g) ? ((int)g).ToString("D3") : k), false),
            (Dimensions.AgeBand, RowsOf(counts, Dimensions.AgeBand,
                k => Enum.TryParse<AgeBand>(k, out var b) ? ReportLabels.AgeBand(b, language) : ReportLabels.Unknown(language),
                k => Enum.TryParse<AgeBand>(k, out var b) ? ((int)b).ToString("D3") : "999"), true),
        };

        // Hidden-cell masks: the headline is every partition table's totals row, so what one table hides there
        // is hidden in all of them and in the headline, until no table hides more.
        var masks = new bool[tables.Count][,];
        var headlineMask = new bool[1, 4];
        if (suppressionThreshold is { } threshold)
        {
            headlineMask = Suppression.Suppress(Grid([], headline, withTotals: true), threshold, columnTotals: false);
            bool grew;
            do
            {
                grew = false;
                for (var t = 0; t < tables.Count; t++)
                {
                    var (_, rows, partition) = tables[t];
                    var grid = Grid(rows.Select(r => r.Values).ToList(), headline, withTotals: partition);
                    var already = new bool[grid.GetLength(0), 4];
                    if (partition)
                        for (var c = 0; c < 4; c++) already[rows.Count, c] = headlineMask[0, c];
                    masks[t] = Suppression.Suppress(grid, threshold, columnTotals: partition, already);
                    if (!partition) continue;
                    for (var c = 0; c < 4; c++)
                        if (masks[t][rows.Count, c] && !headlineMask[0, c]) { headlineMask[0, c] = true; grew = true; }
                }
            } while (grew);
        }

        var startedLabel = ReportLabels.Dimension(Dimensions.Started, language);
        var started = Row("", startedLabel, headline, headlineMask, 0, suppressionThreshold);
        var summaryTables = tables.Select((t, i) => new SummaryTable(
            t.Dimension, ReportLabels.Dimension(t.Dimension, language),
            t.Rows.Select((r, ri) => Row(r.Key, r.Label, r.Values, masks[i], ri, suppressionThreshold)).ToList(),
            t.Partition ? Row("", ReportLabels.Total(language), headline, masks[i], t.Rows.Count, suppressionThreshold) : null)).ToList();

        VolumeAgainstTarget? volume = null;
        if (collaboration is { ParticipantTarget: > 0 } c2)
            volume = new VolumeAgainstTarget(c2.ParticipantTarget, started.Total,
                started.Total.Count is { } n ? Math.Round(100m * n / c2.ParticipantTarget, 1, MidpointRounding.AwayFromZero) : null);

        var columns = Genders.Select(g => new ColumnHeader(GenderKey(g), ReportLabels.Gender(g, language)))
            .Append(new ColumnHeader("total", ReportLabels.Total(language))).ToList();
        return new CollaborationSummaryReport(collaborationId, collaboration?.Name, asOf, suppressionThreshold is null,
            suppressionThreshold, columns, started, volume, summaryTables);
    }

    private static string GenderKey(Gender g) => g switch { Gender.Woman => "women", Gender.Man => "men", _ => "non-binary" };

    /// <summary>Women, men, non-binary, total.</summary>
    private static int[] Vector(IEnumerable<DimensionCount> counts)
    {
        var v = new int[4];
        foreach (var c in counts)
            v[Array.IndexOf(Genders, c.Gender)] += c.Count;
        v[3] = v[0] + v[1] + v[2];
        return v;
    }

    private static List<(string Key, string Label, int[] Values)> RowsOf(
        IEnumerable<DimensionCount> counts, string dimension, Func<string, string> label, Func<string, string> order) =>
        counts.Where(c => c.Dimension == dimension)
            .GroupBy(c => c.Key)
            .Select(g => (Key: g.Key, Label: label(g.Key), Values: Vector(g)))
            .OrderBy(r => order(r.Key) == r.Key ? r.Label : order(r.Key), StringComparer.Ordinal)
            .ToList();

    private static int[,] Grid(IReadOnlyList<int[]> rows, int[] totals, bool withTotals)
    {
        var n = rows.Count + (withTotals ? 1 : 0);
        var grid = new int[n, 4];
        for (var r = 0; r < rows.Count; r++)
            for (var c = 0; c < 4; c++) grid[r, c] = rows[r][c];
        if (withTotals)
            for (var c = 0; c < 4; c++) grid[rows.Count, c] = totals[c];
        return grid;
    }

    private static SummaryRow Row(string key, string label, int[] values, bool[,]? mask, int row, int? threshold)
    {
        Cell At(int c) => mask is not null && threshold is { } t && mask[row, c] ? Cell.Hidden(t) : Cell.Shown(values[c]);
        return new SummaryRow(key, label, At(0), At(1), At(2), At(3));
    }
}
