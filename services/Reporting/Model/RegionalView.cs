using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Reporting.Model;

/// <summary>
/// The municipality comparison the source reports publish: per municipality the participants started
/// (women/men/non-binary and their shares), the exits, and the outcome shares, per gender too.
/// </summary>
public sealed record RegionalViewReport(
    DateOnly AsOf,
    DateOnly? From,
    Guid? CollaborationId,
    string? MunicipalityCode,
    bool Exact,
    int? SuppressionThreshold,
    IReadOnlyList<ColumnHeader> Columns,
    IReadOnlyList<ColumnHeader> Outcomes,
    IReadOnlyList<MunicipalityFigures> Municipalities,
    MunicipalityFigures Total);

/// <summary>
/// One municipality's figures. <c>StartedShares</c>: each gender's share of those started there.
/// <c>Outcomes</c>: exits per outcome group, each with its share of that gender's exits there.
/// </summary>
public sealed record MunicipalityFigures(
    string MunicipalityCode, string Name, SummaryRow Started, Shares StartedShares, SummaryRow Exited, IReadOnlyList<OutcomeFigures> Outcomes);

public sealed record OutcomeFigures(string Key, string Label, SummaryRow Counts, Shares Shares);

/// <summary>Builds the regional view from pre-aggregated counts, suppressing across all its tables at once. Pure.</summary>
public static class RegionalViewBuilder
{
    /// <summary>The outcome groups that partition exits, as the source reports group them.</summary>
    private static readonly (string Key, ExitOutcome[] Parts)[] Groups =
    [
        (OutcomeLabels.WorkKey, [ExitOutcome.Employment, ExitOutcome.SubsidisedEmployment, ExitOutcome.SelfEmployment]),
        ("studies", [ExitOutcome.Studies]),
        ("internship", [ExitOutcome.Internship]),
        ("job-seeking", [ExitOutcome.JobSeeking]),
        ("other", [ExitOutcome.Other]),
    ];

    public static RegionalViewReport Build(
        IReadOnlyCollection<DimensionCount> counts, DateOnly asOf, DateOnly? from, Guid? collaborationId, string? municipalityCode,
        ReportLanguage language, int? threshold) =>
        Build(RegionalCounts.Of(counts), asOf, from, collaborationId, municipalityCode, language, threshold);

    public static RegionalViewReport Build(
        RegionalCounts counts, DateOnly asOf, DateOnly? from, Guid? collaborationId, string? municipalityCode,
        ReportLanguage language, int? threshold)
    {
        // Arrays indexed by municipality, group and gender column instead of lookups and LINQ per cell: built on
        // every request after any event (the report cache is then stale), this was most of the request's CPU.
        var groupOf = new int[Enum.GetValues<ExitOutcome>().Max(o => (int)o) + 1];
        Array.Fill(groupOf, -1);
        for (var g = 0; g < Groups.Length; g++)
            foreach (var part in Groups[g].Parts)
                groupOf[(int)part] = g;

        var index = new Dictionary<string, int>();
        var startedRaw = new List<int[]>();
        var exitsRaw = new List<int[][]>();
        var outcomes = Enum.GetValues<ExitOutcome>();
        foreach (var (code, row) in counts.Municipalities())
        {
            index[code] = startedRaw.Count;
            var started = new int[4];
            var groups = NewGroups();
            foreach (var gender in CollaborationSummaryBuilder.Genders)
            {
                started[Column(gender)] = row[RegionalCounts.StartedIndex(gender)];
                foreach (var outcome in outcomes)
                    groups[groupOf[(int)outcome]][Column(gender)] += row[RegionalCounts.ExitIndex(outcome, gender)];
            }
            startedRaw.Add(started);
            exitsRaw.Add(groups);
        }
        var codes = index.Keys.Where(c => municipalityCode is null || c == municipalityCode)
            .OrderBy(c => Municipalities.NameOf(c) ?? c, StringComparer.Ordinal).ToArray();
        var n = codes.Length;

        // The cells and lines are added in the order they always were: suppression breaks ties by position.
        // Lines only matter to suppression, so exact figures skip them.
        var lattice = new CountLattice();
        var withLines = threshold is not null;
        int[] Row(int[] values)
        {
            var cells = lattice.AddRow(values);
            if (withLines)
                lattice.Line(cells);
            return cells;
        }
        void Columns(int[][] parts, int[] total)
        {
            if (!withLines)
                return;
            for (var c = 0; c < 4; c++)
            {
                var line = new int[parts.Length + 1];
                for (var p = 0; p < parts.Length; p++)
                    line[p] = parts[p][c];
                line[parts.Length] = total[c];
                lattice.Line(line);
            }
        }
        T[] Of<T>(Func<int, T> cells)
        {
            var rows = new T[n];
            for (var m = 0; m < n; m++)
                rows[m] = cells(m);
            return rows;
        }

        var s = Of(m => Row(Totalled(startedRaw[index[codes[m]]])));
        var sTotal = Row(Sum(s, lattice));
        Columns(s, sTotal);

        var x = Of(m =>
        {
            var raw = exitsRaw[index[codes[m]]];
            var groups = new int[Groups.Length][];
            for (var g = 0; g < Groups.Length; g++)
                groups[g] = Row(Totalled(raw[g]));
            return groups;
        });
        var e = Of(m => Row(Sum(x[m], lattice)));
        for (var m = 0; m < n; m++)
            Columns(x[m], e[m]);
        var byGroup = new int[Groups.Length][][];
        for (var g = 0; g < Groups.Length; g++)
        {
            var group = g;
            byGroup[g] = Of(m => x[m][group]);
        }
        var xTotal = new int[Groups.Length][];
        for (var g = 0; g < Groups.Length; g++)
            xTotal[g] = Row(Sum(byGroup[g], lattice));
        var eTotal = Row(Sum(xTotal, lattice));
        Columns(xTotal, eTotal);
        for (var g = 0; g < Groups.Length; g++)
            Columns(byGroup[g], xTotal[g]);
        Columns(e, eTotal);

        var hidden = threshold is { } t ? lattice.Suppress(t) : [];
        bool IsHidden(int cell) => threshold is not null && hidden[cell];
        Cell CellAt(int cell) => IsHidden(cell) ? Cell.Hidden(threshold!.Value) : Cell.Shown(lattice.Value(cell));
        SummaryRow SummaryRowOf(string key, string label, int[] cells) => new(key, label, CellAt(cells[0]), CellAt(cells[1]), CellAt(cells[2]), CellAt(cells[3]));
        Share ShareOf(int value, bool valueHidden, int denominator) =>
            Share.Of(value, valueHidden, lattice.Value(denominator), IsHidden(denominator), threshold);
        Shares SharesOfCells(int[] cells, int[] denominators) => new(
            ShareOf(lattice.Value(cells[0]), IsHidden(cells[0]), denominators[0]),
            ShareOf(lattice.Value(cells[1]), IsHidden(cells[1]), denominators[1]),
            ShareOf(lattice.Value(cells[2]), IsHidden(cells[2]), denominators[2]),
            ShareOf(lattice.Value(cells[3]), IsHidden(cells[3]), denominators[3]));

        var groupLabels = new string[Groups.Length];
        for (var g = 0; g < Groups.Length; g++)
            groupLabels[g] = GroupLabel(g, language);
        var wosLabel = OutcomeLabels.WorkOrStudies(language);
        MunicipalityFigures Figures(string code, string name, int[] startedCells, int[][] groupCells, int[] exitCells)
        {
            var outcomes = new OutcomeFigures[Groups.Length + 1];
            for (var g = 0; g < Groups.Length; g++)
            {
                var cells = groupCells[g];
                outcomes[g] = new OutcomeFigures(Groups[g].Key, groupLabels[g], SummaryRowOf(Groups[g].Key, groupLabels[g], cells),
                    SharesOfCells(cells, exitCells));
            }
            // Work or studies: the sum of two groups, hidden where either is (it would otherwise add what they hide).
            var wosCells = new Cell[4];
            var wosShares = new Share[4];
            for (var c = 0; c < 4; c++)
            {
                var value = lattice.Value(groupCells[0][c]) + lattice.Value(groupCells[1][c]);
                var wosHidden = IsHidden(groupCells[0][c]) || IsHidden(groupCells[1][c]);
                wosCells[c] = wosHidden ? Cell.Hidden(threshold!.Value) : Cell.Shown(value);
                wosShares[c] = ShareOf(value, wosHidden, exitCells[c]);
            }
            outcomes[Groups.Length] = new OutcomeFigures(OutcomeLabels.WorkOrStudiesKey, wosLabel,
                new SummaryRow(OutcomeLabels.WorkOrStudiesKey, wosLabel, wosCells[0], wosCells[1], wosCells[2], wosCells[3]),
                new Shares(wosShares[0], wosShares[1], wosShares[2], wosShares[3]));
            // Each gender's share of all started there: every denominator is the total cell.
            var startedTotal = startedCells[3];
            var startedShares = new Shares(
                ShareOf(lattice.Value(startedCells[0]), IsHidden(startedCells[0]), startedTotal),
                ShareOf(lattice.Value(startedCells[1]), IsHidden(startedCells[1]), startedTotal),
                ShareOf(lattice.Value(startedCells[2]), IsHidden(startedCells[2]), startedTotal),
                ShareOf(lattice.Value(startedCells[3]), IsHidden(startedCells[3]), startedTotal));
            return new MunicipalityFigures(code, name, SummaryRowOf(code, name, startedCells), startedShares,
                SummaryRowOf(code, name, exitCells), outcomes);
        }

        var municipalities = new MunicipalityFigures[n];
        for (var m = 0; m < n; m++)
            municipalities[m] = Figures(codes[m], Municipalities.NameOf(codes[m]) ?? codes[m], s[m], x[m], e[m]);
        var total = Figures("", ReportLabels.Total(language), sTotal, xTotal, eTotal);
        var columns = CollaborationSummaryBuilder.Genders.Select(g => new ColumnHeader(CollaborationSummaryBuilder.GenderKey(g), ReportLabels.Gender(g, language)))
            .Append(new ColumnHeader("total", ReportLabels.Total(language))).ToList();
        var outcomeHeaders = Groups.Select((g, i) => new ColumnHeader(g.Key, groupLabels[i]))
            .Append(new ColumnHeader(OutcomeLabels.WorkOrStudiesKey, wosLabel)).ToList();
        return new RegionalViewReport(asOf, from, collaborationId, municipalityCode, threshold is null, threshold, columns, outcomeHeaders, municipalities, total);
    }

    private static int[][] NewGroups()
    {
        var groups = new int[Groups.Length][];
        for (var g = 0; g < Groups.Length; g++)
            groups[g] = new int[4];
        return groups;
    }

    /// <summary>The gender's column (women, men, non-binary), as <see cref="CollaborationSummaryBuilder.Vector"/> places it.</summary>
    private static int Column(Gender gender) => Array.IndexOf(CollaborationSummaryBuilder.Genders, gender);

    /// <summary>A copy of the three gender columns with their total in the fourth.</summary>
    private static int[] Totalled(int[] raw) => [raw[0], raw[1], raw[2], raw[0] + raw[1] + raw[2]];

    private static string GroupLabel(int group, ReportLanguage language) =>
        group == 0 ? OutcomeLabels.Work(language) : OutcomeLabels.Label(Groups[group].Parts[0], language);

    private static int[] Sum(int[][] rows, CountLattice lattice)
    {
        var v = new int[4];
        foreach (var row in rows)
            for (var c = 0; c < 4; c++) v[c] += lattice.Value(row[c]);
        return v;
    }
}
