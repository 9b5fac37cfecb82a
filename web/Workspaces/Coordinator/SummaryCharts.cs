namespace Samverkan.Web.Workspaces.Coordinator;

/// <summary>The summary's tables as chart groups: one group per row, one figure per gender column and the total.</summary>
public static class SummaryCharts
{
    /// <summary>The three genders are drawn; the total is in the table only (it would dwarf its parts).</summary>
    public static readonly IReadOnlyList<int> Genders = [0, 1, 2];

    public static IReadOnlyList<string> Series(IReadOnlyList<ColumnHeader> columns) => [.. columns.Select(c => c.Label)];

    public static ChartGroup Group(SummaryRow row) => new(row.Label, [.. row.Cells.Select(c => c.AsFigure())]);

    public static IReadOnlyList<ChartGroup> Groups(SummaryTable table) =>
        [.. table.Rows.Select(Group), .. table.Totals is { } totals ? [Group(totals)] : Array.Empty<ChartGroup>()];

    public static IReadOnlyList<ChartGroup> Exits(ExitTable exits) =>
        [.. exits.Rows.Select(r => new ChartGroup(r.Label, [.. r.Cells.Select(c => c.AsFigure())])), Group(exits.Totals)];

    public static IReadOnlyList<ChartGroup> ExitShares(ExitTable exits) =>
        [.. exits.Rows.Select(r => new ChartGroup(r.Label, [.. r.Shares.All.Select(s => s.AsFigure())]))];

    public static IReadOnlyList<ChartGroup> Hours(IReadOnlyList<MonthHours> months) =>
        [.. months.Select(m => new ChartGroup(m.Month, [new Figure(m.Hours, m.Display, m.Suppressed)]))];

    /// <summary>Whether anything on the page is suppressed, so that the footnote is shown.</summary>
    public static bool AnySuppressed(CollaborationSummaryReport report) =>
        report.Started.Cells.Any(c => c.Suppressed) || report.Tables.Any(t => t.Rows.Any(r => r.Cells.Any(c => c.Suppressed)))
        || report.Exits.Rows.Any(r => r.Cells.Any(c => c.Suppressed) || r.Shares.All.Any(s => s.Suppressed))
        || report.Active.Cells.Any(c => c.Suppressed) || report.HoursByMonth.Any(h => h.Suppressed)
        || report.Volume?.Started.Suppressed == true || report.WorkOrStudiesAgainstTarget?.Actual.Suppressed == true;
}
