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
        DateOnly? from = null, IReadOnlyCollection<DimensionCount>? cumulative = null, IReadOnlyList<HoursByMonth>? hours = null) =>
        Render(collaborationId, collaboration, asOf, counts, actorNames, language, new SuppressionPattern(suppressionThreshold), from, cumulative, hours);

    /// <summary>The summary rendered from <paramref name="pattern"/>, which decides what is hidden (see <see cref="CellPattern"/>).</summary>
    public static CollaborationSummaryReport Render(
        Guid collaborationId, CollaborationFact? collaboration, DateOnly asOf, IReadOnlyCollection<DimensionCount> counts,
        IReadOnlyDictionary<Guid, string> actorNames, ReportLanguage language, CellPattern pattern,
        DateOnly? from = null, IReadOnlyCollection<DimensionCount>? cumulative = null, IReadOnlyList<HoursByMonth>? hours = null)
    {
        var suppressionThreshold = pattern.Threshold;
        var headlineValues = Vector(counts.Where(c => c.Dimension == Dimensions.Started));
        var headline = pattern.Row(Dimensions.Started, headlineValues);

        var tables = new List<(string Dimension, List<(string Key, string Label, int[] Cells)> Rows, bool Partition)>();
        void AddTable(string dimension, Func<string, string> label, Func<string, string> order, bool partition)
        {
            var present = RowsOf(counts, dimension, label, order);
            // Rows the pattern hides elsewhere are listed even at 0 (see CellPattern.HiddenRows).
            var missing = pattern.HiddenRows($"{dimension}:").Except(present.Select(r => r.Key)).ToList();
            if (missing.Count > 0)
                present = present.Concat(missing.Select(k => (Key: k, Label: label(k), Values: new int[4])))
                    .OrderBy(r => order(r.Key) == r.Key ? r.Label : order(r.Key), StringComparer.Ordinal).ToList();
            var rows = present.Select(r => (r.Key, r.Label, Cells: pattern.Row($"{dimension}:{r.Key}", r.Values))).ToList();
            // Rows of a partition add up to the headline, column by column; overlapping rows (target groups) do not.
            if (partition)
                pattern.Partition(rows.Select(r => r.Cells).ToList(), headline);
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
        var outcomeCells = outcomes.ToDictionary(o => o, o => pattern.Row(OutcomeKey(o), Vector(counts.Where(c => c.Dimension == Dimensions.ExitOutcome && c.Key == o.ToString()))));
        var exitedValues = new int[4];
        foreach (var cells in outcomeCells.Values)
            for (var c = 0; c < 4; c++) exitedValues[c] += pattern.Value(cells[c]);
        var exited = pattern.Row(ExitedKey, exitedValues);
        pattern.Partition(outcomeCells.Values.ToList(), exited);
        // Group rows are cells of their own, bound to their parts: hidden by the same rules, in every report that shows them.
        var workCells = pattern.Group(GroupKey(OutcomeLabels.WorkKey), outcomes.Where(o => o.IsWork()).Select(o => outcomeCells[o]).ToList());
        var workOrStudiesCells = pattern.Group(GroupKey(OutcomeLabels.WorkOrStudiesKey),
            outcomes.Where(o => o.IsWorkOrStudies()).Select(o => outcomeCells[o]).ToList());

        // Exits by referring actor and outcome, registered in the pattern like every table: each actor's outcomes add up
        // to its exits, and each outcome's actors to the outcome's exits (every participant has one referrer).
        const string referrerPrefix = Dimensions.ExitReferringActor + ":";
        static string ActorOf(string key) => key[..(key.IndexOf(':', StringComparison.Ordinal) is var i and >= 0 ? i : key.Length)];
        var byReferrer = counts.Where(c => c.Dimension == Dimensions.ExitReferringActor).Select(c => ActorOf(c.Key))
            .Union(pattern.HiddenRows(referrerPrefix).Select(ActorOf)).Distinct()
            .Select(k => (Key: k, Label: Guid.TryParse(k, out var id) && actorNames.TryGetValue(id, out var n) ? n : k))
            .OrderBy(r => r.Label, StringComparer.Ordinal)
            .Select(r => (r.Key, r.Label, Outcomes: outcomes.ToDictionary(o => o, o => pattern.Row($"{referrerPrefix}{r.Key}:{o}",
                Vector(counts.Where(c => c.Dimension == Dimensions.ExitReferringActor && c.Key == $"{r.Key}:{o}"))))))
            .ToList();
        var referrerExited = byReferrer.Select(r => pattern.Group(referrerPrefix + r.Key, r.Outcomes.Values.ToList())).ToList();
        var referrerGroups = byReferrer.Select(r => (
            Work: pattern.Group($"{referrerPrefix}{r.Key}:{GroupKey(OutcomeLabels.WorkKey)}", outcomes.Where(o => o.IsWork()).Select(o => r.Outcomes[o]).ToList()),
            WorkOrStudies: pattern.Group($"{referrerPrefix}{r.Key}:{GroupKey(OutcomeLabels.WorkOrStudiesKey)}",
                outcomes.Where(o => o.IsWorkOrStudies()).Select(o => r.Outcomes[o]).ToList()))).ToList();
        if (byReferrer.Count > 0)
        {
            foreach (var o in outcomes)
                pattern.Partition(byReferrer.Select(r => r.Outcomes[o]).ToList(), outcomeCells[o]);
            pattern.Partition(referrerExited, exited);
        }

        int[] active;
        if (from is null)
        {
            active = pattern.StockRow(ActiveKey, Enumerable.Range(0, 4).Select(c => headlineValues[c] - exitedValues[c]).ToArray());
            for (var c = 0; c < 4; c++)
                pattern.Line(active[c], exited[c], headline[c]);
        }
        else
        {
            var basis = cumulative ?? [];
            var started = Vector(basis.Where(c => c.Dimension == Dimensions.Started));
            var left = Vector(basis.Where(c => c.Dimension == Dimensions.ExitOutcome));
            active = pattern.StockRow(ActiveKey, Enumerable.Range(0, 4).Select(c => started[c] - left[c]).ToArray());
        }

        pattern.Seal();
        Cell CellAt(int cell) => pattern.CellAt(cell);
        SummaryRow Row(string key, string label, int[] cells) => new(key, label, CellAt(cells[0]), CellAt(cells[1]), CellAt(cells[2]), CellAt(cells[3]));

        var startedRow = Row("", ReportLabels.Dimension(Dimensions.Started, language), headline);
        var summaryTables = tables.Select(t => new SummaryTable(
            t.Dimension, ReportLabels.Dimension(t.Dimension, language),
            t.Rows.Select(r => Row(r.Key, r.Label, r.Cells)).ToList(),
            t.Partition ? Row("", ReportLabels.Total(language), headline) : null)).ToList();

        var exitRows = new List<ExitRow>();
        ExitRow Exit(string key, string label, bool group, int[] cells)
        {
            Share ShareAt(int c) => Share.Of(pattern.Value(cells[c]), pattern.IsHidden(cells[c]), pattern.Value(exited[c]), pattern.IsHidden(exited[c]), suppressionThreshold);
            return new ExitRow(key, label, group, CellAt(cells[0]), CellAt(cells[1]), CellAt(cells[2]), CellAt(cells[3]),
                new Shares(ShareAt(0), ShareAt(1), ShareAt(2), ShareAt(3)));
        }
        foreach (var o in outcomes)
            exitRows.Add(Exit(OutcomeLabels.Key(o), OutcomeLabels.Label(o, language), false, outcomeCells[o]));
        exitRows.Add(Exit(OutcomeLabels.WorkKey, OutcomeLabels.Work(language), true, workCells));
        var workOrStudies = Exit(OutcomeLabels.WorkOrStudiesKey, OutcomeLabels.WorkOrStudies(language), true, workOrStudiesCells);
        exitRows.Add(workOrStudies);
        var exits = new ExitTable(OutcomeLabels.Exits(language), exitRows, Row("", OutcomeLabels.Exited(language), exited));
        var exitsByReferrer = byReferrer.Select((r, i) => new ReferrerExits(r.Key, r.Label,
            Row("exited", OutcomeLabels.Exited(language), referrerExited[i]),
            Row(OutcomeLabels.WorkKey, OutcomeLabels.Work(language), referrerGroups[i].Work),
            Row(OutcomeLabels.WorkOrStudiesKey, OutcomeLabels.WorkOrStudies(language), referrerGroups[i].WorkOrStudies),
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
            Marks = SuppressionMarks.Legend(suppressionThreshold, language),
            ExitsByReferringActor = exitsByReferrer,
        };
    }

    /// <summary>The pattern keys of rows more than one report shows (<see cref="CellPattern"/>).</summary>
    internal const string ExitedKey = "exited";
    internal const string ActiveKey = "active";
    internal static string OutcomeKey(ExitOutcome outcome) => $"{Dimensions.ExitOutcome}:{outcome}";
    internal static string GroupKey(string group) => $"exit-group:{group}";

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
