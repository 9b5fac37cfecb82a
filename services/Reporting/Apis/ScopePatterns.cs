using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Apis;

/// <summary>What a suppressed collaboration report is rendered from: its counts, the counts up to the end (for the active), and the pattern.</summary>
public sealed record ScopeFigures(CellPattern Pattern, List<DimensionCount> Counts, List<DimensionCount> Cumulative);

/// <summary>
/// Suppression as one pattern per scope, viewer class and month-end (issue #15). For a collaboration, every table any
/// of its reports shows (summary, ESF+ indicators, the regional view of its participants) is registered in one
/// <see cref="SuppressionPattern"/> and decided once; each report then renders its own cells from it, so no report,
/// format or filter hides a cell another shows. A period is the difference of the patterns at its end and at the day
/// before it starts (<see cref="PeriodPattern"/>). Both ends are month-ends (<see cref="ReportQuery.InWholeMonths"/>).
/// </summary>
public static class ScopePatterns
{
    /// <summary>Every dimension a collaboration's reports show.</summary>
    private static readonly string[] CollaborationDimensions =
    [
        Dimensions.Started, Dimensions.ReferringActor, Dimensions.Municipality, Dimensions.TargetGroup, Dimensions.AgeBand,
        Dimensions.ExitOutcome, Dimensions.LabourMarketStatus, Dimensions.EducationLevel, Dimensions.GainedQualification,
        Dimensions.ExitMunicipality, Dimensions.ExitReferringActor,
    ];

    /// <summary>
    /// The tables of a collaboration's pattern. A new report's table joins the pattern by one entry here (registering
    /// its rows, parts and totals with <see cref="CellPattern.Row"/>, <see cref="CellPattern.Partition"/> and
    /// <see cref="CellPattern.Group"/>, under the keys the other tables use for the same people).
    /// </summary>
    public static readonly IReadOnlyList<Action<CellPattern, Guid, DateOnly, IReadOnlyCollection<DimensionCount>>> CollaborationTables =
    [
        (p, id, asOf, counts) => CollaborationSummaryBuilder.Render(id, null, asOf, counts, new Dictionary<Guid, string>(), ReportLanguage.Swedish, p),
        (p, id, asOf, counts) => EsfIndicatorsBuilder.Render(id, null, asOf, null, counts, ReportLanguage.Swedish, p),
        (p, id, asOf, counts) => RegionalViewBuilder.Render(RegionalCounts.Of(counts), asOf, null, id, null, ReportLanguage.Swedish, p),
    ];

    /// <summary>The collaboration's pattern for a suppressed viewer, and the counts to render from.</summary>
    public static async Task<ScopeFigures> CollaborationAsync(ReportingDbContext db, Guid id, ReportPeriod period, int threshold, CancellationToken ct)
    {
        var end = await CounterQueries.CountsAsync(db, id, new ReportPeriod(null, period.To), CollaborationDimensions, ct);
        var endPattern = Decide(id, period.To, end, threshold);
        if (period.From is not { } from)
            return new ScopeFigures(endPattern, end, end);
        var dayBefore = from.AddDays(-1);
        var before = await CounterQueries.CountsAsync(db, id, new ReportPeriod(null, dayBefore), CollaborationDimensions, ct);
        return new ScopeFigures(new PeriodPattern(Decide(id, dayBefore, before, threshold), endPattern), Subtract(end, before), end);
    }

    /// <summary>The decided pattern of one collaboration at one month-end: every table registered, then decided once.</summary>
    public static SuppressionPattern Decide(Guid id, DateOnly asOf, IReadOnlyCollection<DimensionCount> counts, int threshold)
    {
        var pattern = new SuppressionPattern(threshold);
        using (pattern.Collect())
            foreach (var table in CollaborationTables)
                table(pattern, id, asOf, counts);
        pattern.Decide();
        return pattern;
    }

    /// <summary>
    /// The regional view across all collaborations for a suppressed viewer: one pattern per month-end, a period their
    /// difference. <paramref name="agency"/>'s own collaborations, which its coordinators see exactly, are registered
    /// too, and the region less them: a small count there is protected like any other, so the region minus what the
    /// viewer sees exactly never leaves a small cell.
    /// </summary>
    public static async Task<(RegionalCounts Counts, CellPattern Pattern)> RegionalAsync(
        ReportingDbContext db, Guid scope, ReportPeriod period, int threshold, Guid? agency, CancellationToken ct)
    {
        var own = agency is { } a ? await OwnCollaborationsAsync(db, a, ct) : [];
        // Every collaboration with counts, whether or not its own facts have arrived yet (participant events may come first).
        var collaborations = await db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT collaboration_id AS "Value" FROM participant_totals WHERE collaboration_id <> {Dimensions.AllCollaborations} ORDER BY 1
            """).ToListAsync(ct);
        // The region's counts at one month-end and its pattern there: the counts are read once, for both.
        async Task<(RegionalCounts Region, SuppressionPattern Pattern)> DecideAsync(DateOnly asOf)
        {
            var region = await RegionalReads.ReadAsync(db, scope, new ReportPeriod(null, asOf), ct);
            RegionalCounts? mine = null;
            if (own.Count > 0)
            {
                mine = new RegionalCounts();
                foreach (var id in own)
                    foreach (var (code, counts) in (await RegionalReads.ReadAsync(db, id, new ReportPeriod(null, asOf), ct)).Municipalities())
                        mine.AddRow(code, counts);
            }
            var parts = new List<RegionPart>();
            foreach (var id in collaborations)
            {
                var counts = await CounterQueries.CountsAsync(db, id, new ReportPeriod(null, asOf), CollaborationDimensions, ct);
                if (counts.Count > 0)
                    parts.Add(new RegionPart(Decide(id, asOf, counts, threshold), own.Contains(id)));
            }
            return (region, DecideRegional(region, mine, parts, asOf, threshold));
        }
        var (end, endPattern) = await DecideAsync(period.To);
        if (period.From is not { } from)
            return (end, endPattern);
        var (before, beforePattern) = await DecideAsync(from.AddDays(-1));
        return (Subtract(end, before), new PeriodPattern(beforePattern, endPattern));
    }

    /// <summary>
    /// A collaboration's decided pattern as one part of the region: what its published summary shows anyone (or, for the
    /// viewer's own collaborations, everything, <paramref name="Known"/>).
    /// </summary>
    public sealed record RegionPart(SuppressionPattern Pattern, bool Known);

    /// <summary>The collaborations whose figures the agency's coordinators and admins see exactly (<see cref="ReportAccess"/>).</summary>
    private static Task<List<Guid>> OwnCollaborationsAsync(ReportingDbContext db, Guid agency, CancellationToken ct) =>
        db.Database.SqlQuery<Guid>($"""
            SELECT collaboration_id AS "Value" FROM collaboration_facts WHERE owner_actor_id = {agency}
            UNION SELECT collaboration_id FROM collaboration_members WHERE actor_id = {agency} AND left_on IS NULL
            """).ToListAsync(ct);

    /// <summary>
    /// The region's pattern at one month-end. Each region cell is the sum of the collaborations' cells of its key, and
    /// anyone may read every collaboration's published summary (<paramref name="parts"/>, decided on their own): so a
    /// region cell whose parts are all shown is known to anyone (never hidden, never a complement), and a region cell
    /// with exactly one hidden part is hidden too, else the region less the shown parts would give that part back.
    /// </summary>
    public static SuppressionPattern DecideRegional(RegionalCounts counts, RegionalCounts? own, IReadOnlyList<RegionPart> parts, DateOnly asOf, int threshold)
    {
        const string Own = "own:", Rest = "rest:", Part = "part{0}:";
        var pattern = new SuppressionPattern(threshold);
        using (pattern.Collect())
        {
            // The region's cells, first as a scratch rendering, to know each one's kind before the real one registers it
            // (one mechanism for the view's keys and sums: Render's own, not a copy of it).
            var scratch = new SuppressionPattern(threshold);
            using (scratch.Collect())
                RegionalViewBuilder.Render(counts, asOf, null, null, null, ReportLanguage.Swedish, scratch);
            var regionKeys = scratch.Keys("").ToList();
            bool ShownBy(RegionPart part, string key) => part.Known || part.Pattern.CellOf(key) is not { } cell || !part.Pattern.IsHidden(cell);
            // Known only when the parts are all shown and add up to the region's count (none of it held elsewhere).
            foreach (var key in regionKeys.Where(k => parts.All(p => ShownBy(p, k)) && parts.Sum(p => p.Pattern.Find(k).Value) == scratch.Find(k).Value))
                pattern.Cell(key, scratch.Find(key).Value, CellKind.Known);
            RegionalViewBuilder.Render(counts, asOf, null, null, null, ReportLanguage.Swedish, pattern);
            foreach (var key in regionKeys)
            {
                if (pattern.CellOf(key) is not { } region)
                    continue;
                var line = new List<int>();
                for (var i = 0; i < parts.Count; i++)
                    if (parts[i].Pattern.CellOf(key) is not null)
                        line.Add(pattern.Cell(string.Format(Part, i) + key, parts[i].Pattern.Find(key).Value,
                            ShownBy(parts[i], key) ? CellKind.Known : CellKind.Withheld));
                if (line.Count > 0)
                    pattern.Line([.. line, region]);
            }
            if (own is not null)
            {
                RegionalViewBuilder.Render(own, asOf, null, null, null, ReportLanguage.Swedish, new PrefixedPattern(pattern, Own, CellKind.Known));
                RegionalViewBuilder.Render(Subtract(counts, own), asOf, null, null, null, ReportLanguage.Swedish, new PrefixedPattern(pattern, Rest, CellKind.Derived));
                // Each region cell is the viewer's own plus the rest.
                foreach (var rest in pattern.Keys(Rest))
                {
                    if (pattern.CellOf(rest[Rest.Length..]) is not { } region)
                        continue;
                    var restCell = pattern.CellOf(rest)!.Value;
                    pattern.Line(pattern.CellOf(Own + rest[Rest.Length..]) is { } mine ? [mine, restCell, region] : [restCell, region]);
                }
            }
        }
        pattern.Decide();
        return pattern;
    }

    public static List<DimensionCount> Subtract(IEnumerable<DimensionCount> end, IEnumerable<DimensionCount> before)
    {
        var sums = new Dictionary<(string, string, Contracts.Participants.Gender), int>();
        foreach (var c in end)
            sums[(c.Dimension, c.Key, c.Gender)] = sums.GetValueOrDefault((c.Dimension, c.Key, c.Gender)) + c.Count;
        foreach (var c in before)
            sums[(c.Dimension, c.Key, c.Gender)] = sums.GetValueOrDefault((c.Dimension, c.Key, c.Gender)) - c.Count;
        return sums.Where(s => s.Value != 0).Select(s => new DimensionCount(s.Key.Item1, s.Key.Item2, s.Key.Item3, s.Value)).ToList();
    }

    private static RegionalCounts Subtract(RegionalCounts end, RegionalCounts before)
    {
        var result = new RegionalCounts();
        foreach (var (code, counts) in end.Municipalities())
            result.AddRow(code, counts);
        foreach (var (code, counts) in before.Municipalities())
            result.AddRow(code, counts.Select(c => -c).ToArray());
        return result;
    }
}
