namespace Samverkan.Web.Workspaces.Coordinator;

/// <summary>The regional view's figures as chart groups: one group per municipality, then the total.</summary>
public static class RegionalCharts
{
    /// <summary>More municipalities than this are shown as tables only: a chart that long reads worse than the table.</summary>
    public const int MaxCharted = 30;

    private static IEnumerable<MunicipalityFigures> Rows(RegionalViewReport report) => report.Municipalities.Append(report.Total);

    public static IReadOnlyList<ChartGroup> Started(RegionalViewReport report) =>
        [.. Rows(report).Select(m => new ChartGroup(m.Name, [.. m.Started.Cells.Select(c => c.AsFigure())]))];

    /// <summary>Exits per outcome group (all genders), and the exits in all.</summary>
    public static IReadOnlyList<ChartGroup> Outcomes(RegionalViewReport report) =>
        [.. Rows(report).Select(m => new ChartGroup(m.Name,
            [.. m.Outcomes.Select(o => o.Counts.Total.AsFigure()), m.Exited.Total.AsFigure()]))];

    /// <summary>Each outcome group's share of the exits there (all genders).</summary>
    public static IReadOnlyList<ChartGroup> OutcomeShares(RegionalViewReport report) =>
        [.. Rows(report).Select(m => new ChartGroup(m.Name, [.. m.Outcomes.Select(o => o.Shares.Total.AsFigure())]))];

    public static IReadOnlyList<string> OutcomeSeries(RegionalViewReport report, bool withExits) =>
        [.. report.Outcomes.Select(o => Labels.Capitalised(o.Label)), .. withExits ? ["Avslutade totalt"] : Array.Empty<string>()];

    public static bool AnySuppressed(RegionalViewReport report) => Rows(report).Any(m =>
        m.Started.Cells.Any(c => c.Suppressed) || m.StartedShares.All.Any(s => s.Suppressed) || m.Exited.Cells.Any(c => c.Suppressed)
        || m.Outcomes.Any(o => o.Counts.Cells.Any(c => c.Suppressed) || o.Shares.All.Any(s => s.Suppressed)));
}
