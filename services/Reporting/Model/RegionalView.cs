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
    MunicipalityFigures Total)
{
    /// <summary>The marks hidden figures are shown with, and what each means (<see cref="SuppressionMarks"/>); empty when exact.</summary>
    public IReadOnlyList<SuppressionMark> Marks { get; init; } = [];
}

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
        Render(RegionalCounts.Of(counts), asOf, from, collaborationId, municipalityCode, language, new SuppressionPattern(threshold));

    public static RegionalViewReport Build(
        RegionalCounts counts, DateOnly asOf, DateOnly? from, Guid? collaborationId, string? municipalityCode,
        ReportLanguage language, int? threshold) =>
        Render(counts, asOf, from, collaborationId, municipalityCode, language, new SuppressionPattern(threshold));

    /// <summary>
    /// The view rendered from <paramref name="pattern"/>: every municipality's cells are registered whatever the
    /// filter, so a municipality filter selects rows of the one decided pattern and never decides again (a filtered
    /// view showing what the whole view hides would let the total less the shown rows give it back).
    /// </summary>
    public static RegionalViewReport Render(
        RegionalCounts counts, DateOnly asOf, DateOnly? from, Guid? collaborationId, string? municipalityCode,
        ReportLanguage language, CellPattern pattern)
    {
        var threshold = pattern.Threshold;
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
        // Municipalities the pattern hides elsewhere are listed even at 0 (see CellPattern.HiddenRows).
        foreach (var code in pattern.HiddenRows($"{Dimensions.Municipality}:")
                     .Concat(pattern.HiddenRows($"{Dimensions.ExitMunicipality}:").Select(k => k.Split(':')[0])))
            if (!index.ContainsKey(code))
            {
                index[code] = startedRaw.Count;
                startedRaw.Add(new int[4]);
                exitsRaw.Add(NewGroups());
            }
        var codes = index.Keys.OrderBy(c => Municipalities.NameOf(c) ?? c, StringComparer.Ordinal).ToArray();
        var n = codes.Length;

        T[] Of<T>(Func<int, T> cells)
        {
            var rows = new T[n];
            for (var m = 0; m < n; m++)
                rows[m] = cells(m);
            return rows;
        }
        int[] Sum(int[][] rows)
        {
            var v = new int[4];
            foreach (var row in rows)
                for (var c = 0; c < 4; c++) v[c] += pattern.Value(row[c]);
            return v;
        }

        // Keys shared with the collaboration's other reports (the summary's municipality table, its outcome rows,
        // groups and totals, the ESF+ results), so that in one collaboration's pattern they are the same cells.
        var s = Of(m => pattern.Row($"{Dimensions.Municipality}:{codes[m]}", Totalled(startedRaw[index[codes[m]]])));
        var sTotal = pattern.Row(Dimensions.Started, Sum(s));
        pattern.Partition(s, sTotal);

        var x = Of(m =>
        {
            var raw = exitsRaw[index[codes[m]]];
            var groups = new int[Groups.Length][];
            for (var g = 0; g < Groups.Length; g++)
                groups[g] = pattern.Row($"{Dimensions.ExitMunicipality}:{codes[m]}:{Groups[g].Key}", Totalled(raw[g]));
            return groups;
        });
        var e = Of(m => pattern.Row($"{Dimensions.ExitMunicipality}:{codes[m]}", Sum(x[m])));
        for (var m = 0; m < n; m++)
            pattern.Partition(x[m], e[m]);
        var byGroup = new int[Groups.Length][][];
        for (var g = 0; g < Groups.Length; g++)
        {
            var group = g;
            byGroup[g] = Of(m => x[m][group]);
        }
        var xTotal = new int[Groups.Length][];
        for (var g = 0; g < Groups.Length; g++)
            xTotal[g] = pattern.Row(GroupKey(g), Sum(byGroup[g]));
        var eTotal = pattern.Row(CollaborationSummaryBuilder.ExitedKey, Sum(xTotal));
        pattern.Partition(xTotal, eTotal);
        for (var g = 0; g < Groups.Length; g++)
            pattern.Partition(byGroup[g], xTotal[g]);
        pattern.Partition(e, eTotal);
        // Work or studies: a group of two groups, a cell of its own bound to them.
        var wos = Of(m => pattern.Group($"{Dimensions.ExitMunicipality}:{codes[m]}:{OutcomeLabels.WorkOrStudiesKey}", [x[m][0], x[m][1]]));
        var wosTotal = pattern.Group(CollaborationSummaryBuilder.GroupKey(OutcomeLabels.WorkOrStudiesKey), [xTotal[0], xTotal[1]]);
        pattern.Partition(wos, wosTotal);

        // For a filter that matches no municipality with counts: zeros, shown.
        var zero = pattern.Row("none", [0, 0, 0, 0]);

        pattern.Seal();
        bool IsHidden(int cell) => pattern.IsHidden(cell);
        Cell CellAt(int cell) => pattern.CellAt(cell);
        SummaryRow SummaryRowOf(string key, string label, int[] cells) => new(key, label, CellAt(cells[0]), CellAt(cells[1]), CellAt(cells[2]), CellAt(cells[3]));
        Share ShareOf(int value, bool valueHidden, int denominator) =>
            Share.Of(value, valueHidden, pattern.Value(denominator), IsHidden(denominator), threshold);
        Shares SharesOfCells(int[] cells, int[] denominators) => new(
            ShareOf(pattern.Value(cells[0]), IsHidden(cells[0]), denominators[0]),
            ShareOf(pattern.Value(cells[1]), IsHidden(cells[1]), denominators[1]),
            ShareOf(pattern.Value(cells[2]), IsHidden(cells[2]), denominators[2]),
            ShareOf(pattern.Value(cells[3]), IsHidden(cells[3]), denominators[3]));

        var groupLabels = new string[Groups.Length];
        for (var g = 0; g < Groups.Length; g++)
            groupLabels[g] = GroupLabel(g, language);
        var wosLabel = OutcomeLabels.WorkOrStudies(language);
        MunicipalityFigures Figures(string code, string name, int[] startedCells, int[][] groupCells, int[] exitCells, int[] wosCells)
        {
            var outcomes = new OutcomeFigures[Groups.Length + 1];
            for (var g = 0; g < Groups.Length; g++)
            {
                var cells = groupCells[g];
                outcomes[g] = new OutcomeFigures(Groups[g].Key, groupLabels[g], SummaryRowOf(Groups[g].Key, groupLabels[g], cells),
                    SharesOfCells(cells, exitCells));
            }
            outcomes[Groups.Length] = new OutcomeFigures(OutcomeLabels.WorkOrStudiesKey, wosLabel,
                SummaryRowOf(OutcomeLabels.WorkOrStudiesKey, wosLabel, wosCells), SharesOfCells(wosCells, exitCells));
            // Each gender's share of all started there: every denominator is the total cell.
            var startedTotal = startedCells[3];
            var startedShares = new Shares(
                ShareOf(pattern.Value(startedCells[0]), IsHidden(startedCells[0]), startedTotal),
                ShareOf(pattern.Value(startedCells[1]), IsHidden(startedCells[1]), startedTotal),
                ShareOf(pattern.Value(startedCells[2]), IsHidden(startedCells[2]), startedTotal),
                ShareOf(pattern.Value(startedCells[3]), IsHidden(startedCells[3]), startedTotal));
            return new MunicipalityFigures(code, name, SummaryRowOf(code, name, startedCells), startedShares,
                SummaryRowOf(code, name, exitCells), outcomes);
        }

        // A filter selects rows of the decided pattern; its total is then that municipality's own figures.
        var shown = Enumerable.Range(0, n).Where(m => municipalityCode is null || codes[m] == municipalityCode).ToArray();
        var municipalities = new MunicipalityFigures[shown.Length];
        for (var i = 0; i < shown.Length; i++)
        {
            var m = shown[i];
            municipalities[i] = Figures(codes[m], Municipalities.NameOf(codes[m]) ?? codes[m], s[m], x[m], e[m], wos[m]);
        }
        var total = municipalityCode is null
            ? Figures("", ReportLabels.Total(language), sTotal, xTotal, eTotal, wosTotal)
            : shown.Length == 1
                ? Figures("", ReportLabels.Total(language), s[shown[0]], x[shown[0]], e[shown[0]], wos[shown[0]])
                : Figures("", ReportLabels.Total(language), zero, Enumerable.Repeat(zero, Groups.Length).ToArray(), zero, zero);
        var columns = CollaborationSummaryBuilder.Genders.Select(g => new ColumnHeader(CollaborationSummaryBuilder.GenderKey(g), ReportLabels.Gender(g, language)))
            .Append(new ColumnHeader("total", ReportLabels.Total(language))).ToList();
        var outcomeHeaders = Groups.Select((g, i) => new ColumnHeader(g.Key, groupLabels[i]))
            .Append(new ColumnHeader(OutcomeLabels.WorkOrStudiesKey, wosLabel)).ToList();
        return new RegionalViewReport(asOf, from, collaborationId, municipalityCode, threshold is null, threshold, columns, outcomeHeaders, municipalities, total)
        {
            Marks = SuppressionMarks.Legend(threshold, language),
        };
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

    /// <summary>The key of a group's totals row: a one-outcome group is that outcome's row of the summary.</summary>
    private static string GroupKey(int group) => Groups[group].Parts.Length == 1
        ? CollaborationSummaryBuilder.OutcomeKey(Groups[group].Parts[0]) : CollaborationSummaryBuilder.GroupKey(Groups[group].Key);

    private static string GroupLabel(int group, ReportLanguage language) =>
        group == 0 ? OutcomeLabels.Work(language) : OutcomeLabels.Label(Groups[group].Parts[0], language);
}
