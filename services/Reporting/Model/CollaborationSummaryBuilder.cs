using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Reporting.Model;

/// <summary>Shapes pre-aggregated counts into a collaboration summary, suppressing where asked. Pure.</summary>
public static class CollaborationSummaryBuilder
{
    internal static readonly Gender[] Genders = [Gender.Woman, Gender.Man, Gender.NonBinary];

    /// <param name="from">Start of the period; null counts everything up to <paramref name="asOf"/>.</param>
    /// <param name="cumulative">With a period: started and exit counts up to <paramref name="asOf"/>, for the active participants.</param>
    public static CollaborationSummaryReport Build(
        Guid collaborationId, CollaborationFact? collaboration, DateOnly asOf, IReadOnlyCollection<DimensionCount> counts,
        IReadOnlyDictionary<Guid, string> actorNames, ReportLanguage language, int? suppressionThreshold,
        DateOnly? from = null, IReadOnlyCollection<DimensionCount>? cumulative = null, IReadOnlyList<HoursByMonth>? hours = null)
    {
        var lattice = new CountLattice();
        var headlineValues = Vector(counts.Where(c => c.Dimension == Dimensions.Started));
        var headline = lattice.AddRow(headlineValues);
        lattice.Line(headline);

        var tables = new List<(string Dimension, List<(string Key, string Label, int[] Cells)> Rows, bool Partition)>();
        void AddTable(string dimension, Func<string, string> label, Func<string, string> order, bool partition)
        {
            var rows = RowsOf(counts, dimension, label, order).Select(r => (r.Key, r.Label, Cells: lattice.AddRow(r.Values))).ToList();
            foreach (var row in rows)
                lattice.Line(row.Cells);
            // Rows of a partition add up to the headline, column by column; overlapping rows (target groups) do not.
            if (partition)
                for (var c = 0; c < 4; c++)
                    lattice.Line([.. rows.Select(r => r.Cells[c]), headline[c]]);
            tables.Add((dimension, rows, partition));
        }
        AddTable(Dimensions.ReferringActor, k => Guid.TryParse(k, out var id) && actorNames.TryGetValue(id, out var n) ? n : k, k => k, true);
        AddTable(Dimensions.Municipality, k => Municipalities.NameOf(k) ?? k, k => k, true);
        AddTable(Dimensions.TargetGroup, k => Enum.TryParse<TargetGroup>(k, out var g) ? ReportLabels.TargetGroup(g, language) : k,
            k => Enum.TryParse<TargetGroup>(k, out var g) ? ((int)g).ToString("D3") : k, false);
        AddTable(Dimensions.AgeBand, k => Enum.TryParse<AgeBand>(k, out var b) ? ReportLabels.AgeBand(b, language) : ReportLabels.Unknown(language),
            k => Enum.TryParse<AgeBand>(k, out var b) ? ((int)b).ToString("D3") : "999", true);

        // Exits: the seven outcomes partition the exits; with no period start, active + exited = started.
        var outcomes = Enum.GetValues<ExitOutcome>();
        var outcomeCells = outcomes.ToDictionary(o => o, o => lattice.AddRow(Vector(counts.Where(c => c.Dimension == Dimensions.ExitOutcome && c.Key == o.ToString()))));
        var exitedValues = new int[4];
        foreach (var cells in outcomeCells.Values)
            for (var c = 0; c < 4; c++) exitedValues[c] += lattice.Value(cells[c]);
        var exited = lattice.AddRow(exitedValues);
        foreach (var cells in outcomeCells.Values.Append(exited))
            lattice.Line(cells);
        for (var c = 0; c < 4; c++)
            lattice.Line([.. outcomeCells.Values.Select(r => r[c]), exited[c]]);

        // Exits by referring actor and outcome: each actor's outcomes add up to its exits, and each outcome's actors to the
        // outcome's exits (every participant has one referrer), so both are lines of the lattice.
        var byReferrer = counts.Where(c => c.Dimension == Dimensions.ExitReferringActor)
            .GroupBy(c => c.Key[..c.Key.IndexOf(':', StringComparison.Ordinal)])
            .Select(g => (Key: g.Key, Label: Guid.TryParse(g.Key, out var id) && actorNames.TryGetValue(id, out var n) ? n : g.Key,
                Outcomes: outcomes.ToDictionary(o => o, o => lattice.AddRow(Vector(g.Where(c => c.Key.EndsWith(":" + o, StringComparison.Ordinal)))))))
            .OrderBy(r => r.Label, StringComparer.Ordinal).ToList();
        var referrerExited = new List<int[]>();
        foreach (var referrer in byReferrer)
        {
            var total = lattice.AddRow(Enumerable.Range(0, 4).Select(c => referrer.Outcomes.Values.Sum(r => lattice.Value(r[c]))).ToArray());
            referrerExited.Add(total);
            foreach (var cells in referrer.Outcomes.Values.Append(total))
                lattice.Line(cells);
            for (var c = 0; c < 4; c++)
                lattice.Line([.. referrer.Outcomes.Values.Select(r => r[c]), total[c]]);
        }
        if (byReferrer.Count > 0)
            for (var c = 0; c < 4; c++)
            {
                foreach (var o in outcomes)
                    lattice.Line([.. byReferrer.Select(r => r.Outcomes[o][c]), outcomeCells[o][c]]);
                lattice.Line([.. referrerExited.Select(r => r[c]), exited[c]]);
            }

        int[] active;
        if (from is null)
        {
            active = lattice.AddRow(Enumerable.Range(0, 4).Select(c => headlineValues[c] - exitedValues[c]).ToArray());
            for (var c = 0; c < 4; c++)
                lattice.Line(active[c], exited[c], headline[c]);
        }
        else
        {
            var basis = cumulative ?? [];
            var started = Vector(basis.Where(c => c.Dimension == Dimensions.Started));
            var left = Vector(basis.Where(c => c.Dimension == Dimensions.ExitOutcome));
            active = lattice.AddRow(Enumerable.Range(0, 4).Select(c => started[c] - left[c]).ToArray());
        }
        lattice.Line(active);

        var hidden = suppressionThreshold is { } threshold ? lattice.Suppress(threshold) : [];
        bool IsHidden(int cell) => suppressionThreshold is not null && hidden[cell];
        Cell CellAt(int cell) => IsHidden(cell) ? Cell.Hidden(suppressionThreshold!.Value) : Cell.Shown(lattice.Value(cell));
        SummaryRow Row(string key, string label, int[] cells) => new(key, label, CellAt(cells[0]), CellAt(cells[1]), CellAt(cells[2]), CellAt(cells[3]));

        var startedRow = Row("", ReportLabels.Dimension(Dimensions.Started, language), headline);
        var summaryTables = tables.Select(t => new SummaryTable(
            t.Dimension, ReportLabels.Dimension(t.Dimension, language),
            t.Rows.Select(r => Row(r.Key, r.Label, r.Cells)).ToList(),
            t.Partition ? Row("", ReportLabels.Total(language), headline) : null)).ToList();

        var exitRows = new List<ExitRow>();
        ExitRow Exit(string key, string label, bool group, ExitOutcome[] parts)
        {
            var values = new int[4];
            var rowHidden = new bool[4];
            for (var c = 0; c < 4; c++)
                foreach (var part in parts)
                {
                    values[c] += lattice.Value(outcomeCells[part][c]);
                    // A group shows a sum only when every part of it is shown: otherwise it would add what the parts hide.
                    rowHidden[c] |= IsHidden(outcomeCells[part][c]);
                }
            Cell At(int c) => rowHidden[c] ? Cell.Hidden(suppressionThreshold!.Value) : Cell.Shown(values[c]);
            Share ShareAt(int c) => Share.Of(values[c], rowHidden[c], lattice.Value(exited[c]), IsHidden(exited[c]), suppressionThreshold);
            return new ExitRow(key, label, group, At(0), At(1), At(2), At(3), new Shares(ShareAt(0), ShareAt(1), ShareAt(2), ShareAt(3)));
        }
        foreach (var o in outcomes)
            exitRows.Add(Exit(OutcomeLabels.Key(o), OutcomeLabels.Label(o, language), false, [o]));
        var workParts = outcomes.Where(o => o.IsWork()).ToArray();
        exitRows.Add(Exit(OutcomeLabels.WorkKey, OutcomeLabels.Work(language), true, workParts));
        var workOrStudies = Exit(OutcomeLabels.WorkOrStudiesKey, OutcomeLabels.WorkOrStudies(language), true, outcomes.Where(o => o.IsWorkOrStudies()).ToArray());
        exitRows.Add(workOrStudies);
        var exits = new ExitTable(OutcomeLabels.Exits(language), exitRows, Row("", OutcomeLabels.Exited(language), exited));
        SummaryRow GroupRow(string key, string label, IEnumerable<int[]> parts)
        {
            var list = parts.ToList();
            // A group shows a sum only when every part of it is shown, as the exit table's groups.
            Cell At(int c) => list.Any(p => IsHidden(p[c])) ? Cell.Hidden(suppressionThreshold!.Value) : Cell.Shown(list.Sum(p => lattice.Value(p[c])));
            return new SummaryRow(key, label, At(0), At(1), At(2), At(3));
        }
        var exitsByReferrer = byReferrer.Select((r, i) => new ReferrerExits(r.Key, r.Label,
            Row("exited", OutcomeLabels.Exited(language), referrerExited[i]),
            GroupRow(OutcomeLabels.WorkKey, OutcomeLabels.Work(language), outcomes.Where(o => o.IsWork()).Select(o => r.Outcomes[o])),
            GroupRow(OutcomeLabels.WorkOrStudiesKey, OutcomeLabels.WorkOrStudies(language), outcomes.Where(o => o.IsWorkOrStudies()).Select(o => r.Outcomes[o])),
            outcomes.Select(o => Row(OutcomeLabels.Key(o), OutcomeLabels.Label(o, language), r.Outcomes[o])).ToList())).ToList();

        VolumeAgainstTarget? volume = null;
        if (collaboration is { ParticipantTarget: > 0 } c2)
            volume = new VolumeAgainstTarget(c2.ParticipantTarget, startedRow.Total,
                startedRow.Total.Count is { } n ? Math.Round(100m * n / c2.ParticipantTarget, 1, MidpointRounding.AwayFromZero) : null);
        TargetComparison? target = null;
        if (collaboration is { ExitToWorkOrStudiesTargetShare: > 0 } c3)
            target = new TargetComparison(c3.ExitToWorkOrStudiesTargetShare, workOrStudies.Shares.Total,
                workOrStudies.Shares.Total.Percent is { } p ? p >= c3.ExitToWorkOrStudiesTargetShare : null);

        var months = (hours ?? []).OrderBy(h => h.Month).Select(h =>
        {
            var month = h.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            return suppressionThreshold is { } t && h.Participants > 0 && h.Participants < t
                ? new MonthHours(month, null, $"<{t}", true, null)
                : new MonthHours(month, h.Hours, h.Hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), false, h.Participants);
        }).ToList();

        var columns = Genders.Select(g => new ColumnHeader(GenderKey(g), ReportLabels.Gender(g, language)))
            .Append(new ColumnHeader("total", ReportLabels.Total(language))).ToList();
        return new CollaborationSummaryReport(collaborationId, collaboration?.Name, asOf, from, suppressionThreshold is null,
            suppressionThreshold, columns, startedRow, volume, summaryTables, exits, target, Row("", OutcomeLabels.Active(language), active), months)
        {
            ExitsByReferringActor = exitsByReferrer,
        };
    }

    internal static string GenderKey(Gender g) => g switch { Gender.Woman => "women", Gender.Man => "men", _ => "non-binary" };

    /// <summary>Women, men, non-binary, total.</summary>
    internal static int[] Vector(IEnumerable<DimensionCount> counts)
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
}
