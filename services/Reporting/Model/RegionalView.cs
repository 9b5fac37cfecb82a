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
        ReportLanguage language, int? threshold)
    {
        var started = counts.Where(c => c.Dimension == Dimensions.Municipality).ToList();
        var exits = counts.Where(c => c.Dimension == Dimensions.ExitMunicipality)
            .Select(c => (Municipality: c.Key.Split(':')[0], Outcome: Enum.Parse<ExitOutcome>(c.Key.Split(':')[1]), c.Gender, c.Count)).ToList();
        var codes = started.Select(c => c.Key).Concat(exits.Select(e => e.Municipality)).Distinct()
            .Where(c => municipalityCode is null || c == municipalityCode)
            .OrderBy(c => Municipalities.NameOf(c) ?? c, StringComparer.Ordinal).ToList();

        var lattice = new CountLattice();
        int[] Row(int[] values)
        {
            var cells = lattice.AddRow(values);
            lattice.Line(cells);
            return cells;
        }
        int[] Vector(IEnumerable<(Gender Gender, int Count)> xs) =>
            CollaborationSummaryBuilder.Vector(xs.Select(x => new DimensionCount("", "", x.Gender, x.Count)));
        void Columns(IEnumerable<int[]> parts, int[] total)
        {
            var list = parts.ToList();
            for (var c = 0; c < 4; c++)
                lattice.Line([.. list.Select(p => p[c]), total[c]]);
        }

        // Grouped once up front: filtering the counts per municipality and group would cost municipalities × rows.
        var startedBy = started.ToLookup(c => c.Key);
        var groupOf = Groups.SelectMany((g, i) => g.Parts.Select(p => (p, i))).ToDictionary(x => x.p, x => x.i);
        var exitsBy = exits.ToLookup(e => (e.Municipality, groupOf[e.Outcome]));
        var s = codes.ToDictionary(m => m, m => Row(Vector(startedBy[m].Select(c => (c.Gender, c.Count)))));
        var sTotal = Row(Sum(s.Values, lattice));
        Columns(s.Values, sTotal);

        var x = codes.ToDictionary(m => m, m => Groups.Select((_, g) =>
            Row(Vector(exitsBy[(m, g)].Select(e => (e.Gender, e.Count))))).ToArray());
        var e = codes.ToDictionary(m => m, m => Row(Sum(x[m], lattice)));
        foreach (var m in codes)
            Columns(x[m], e[m]);
        var xTotal = Groups.Select((_, g) => Row(Sum(codes.Select(m => x[m][g]), lattice))).ToArray();
        var eTotal = Row(Sum(xTotal, lattice));
        Columns(xTotal, eTotal);
        for (var g = 0; g < Groups.Length; g++)
            Columns(codes.Select(m => x[m][g]), xTotal[g]);
        Columns(e.Values, eTotal);

        var hidden = threshold is { } t ? lattice.Suppress(t) : [];
        bool IsHidden(int cell) => threshold is not null && hidden[cell];
        Cell CellAt(int cell) => IsHidden(cell) ? Cell.Hidden(threshold!.Value) : Cell.Shown(lattice.Value(cell));
        SummaryRow SummaryRowOf(string key, string label, int[] cells) => new(key, label, CellAt(cells[0]), CellAt(cells[1]), CellAt(cells[2]), CellAt(cells[3]));
        Shares SharesOf(int[] values, bool[] valuesHidden, int[] denominators) => new(
            Share.Of(values[0], valuesHidden[0], lattice.Value(denominators[0]), IsHidden(denominators[0]), threshold),
            Share.Of(values[1], valuesHidden[1], lattice.Value(denominators[1]), IsHidden(denominators[1]), threshold),
            Share.Of(values[2], valuesHidden[2], lattice.Value(denominators[2]), IsHidden(denominators[2]), threshold),
            Share.Of(values[3], valuesHidden[3], lattice.Value(denominators[3]), IsHidden(denominators[3]), threshold));

        MunicipalityFigures Figures(string code, string name, int[] startedCells, int[][] groupCells, int[] exitCells)
        {
            var startedValues = startedCells.Select(lattice.Value).ToArray();
            var startedTotal = Enumerable.Repeat(startedCells[3], 4).ToArray();
            var outcomes = new List<OutcomeFigures>();
            for (var g = 0; g < Groups.Length; g++)
            {
                var cells = groupCells[g];
                outcomes.Add(new OutcomeFigures(Groups[g].Key, GroupLabel(g, language), SummaryRowOf(Groups[g].Key, GroupLabel(g, language), cells),
                    SharesOf(cells.Select(lattice.Value).ToArray(), cells.Select(IsHidden).ToArray(), exitCells)));
            }
            // Work or studies: the sum of two groups, hidden where either is (it would otherwise add what they hide).
            var wos = Enumerable.Range(0, 4).Select(c => lattice.Value(groupCells[0][c]) + lattice.Value(groupCells[1][c])).ToArray();
            var wosHidden = Enumerable.Range(0, 4).Select(c => IsHidden(groupCells[0][c]) || IsHidden(groupCells[1][c])).ToArray();
            Cell WosCell(int c) => wosHidden[c] ? Cell.Hidden(threshold!.Value) : Cell.Shown(wos[c]);
            var wosLabel = OutcomeLabels.WorkOrStudies(language);
            outcomes.Add(new OutcomeFigures(OutcomeLabels.WorkOrStudiesKey, wosLabel,
                new SummaryRow(OutcomeLabels.WorkOrStudiesKey, wosLabel, WosCell(0), WosCell(1), WosCell(2), WosCell(3)), SharesOf(wos, wosHidden, exitCells)));
            return new MunicipalityFigures(code, name, SummaryRowOf(code, name, startedCells),
                SharesOf(startedValues, startedCells.Select(IsHidden).ToArray(), startedTotal), SummaryRowOf(code, name, exitCells), outcomes);
        }

        var municipalities = codes.Select(m => Figures(m, Municipalities.NameOf(m) ?? m, s[m], x[m], e[m])).ToList();
        var total = Figures("", ReportLabels.Total(language), sTotal, xTotal, eTotal);
        var columns = CollaborationSummaryBuilder.Genders.Select(g => new ColumnHeader(CollaborationSummaryBuilder.GenderKey(g), ReportLabels.Gender(g, language)))
            .Append(new ColumnHeader("total", ReportLabels.Total(language))).ToList();
        var outcomeHeaders = Groups.Select((g, i) => new ColumnHeader(g.Key, GroupLabel(i, language)))
            .Append(new ColumnHeader(OutcomeLabels.WorkOrStudiesKey, OutcomeLabels.WorkOrStudies(language))).ToList();
        return new RegionalViewReport(asOf, from, collaborationId, municipalityCode, threshold is null, threshold, columns, outcomeHeaders, municipalities, total);
    }

    private static string GroupLabel(int group, ReportLanguage language) =>
        group == 0 ? OutcomeLabels.Work(language) : OutcomeLabels.Label(Groups[group].Parts[0], language);

    private static int[] Sum(IEnumerable<int[]> rows, CountLattice lattice)
    {
        var v = new int[4];
        foreach (var row in rows)
            for (var c = 0; c < 4; c++) v[c] += lattice.Value(row[c]);
        return v;
    }
}
