namespace Samverkan.Reporting.Model.Export;

/// <summary>A cross-table as export tables: one per measure, a line per key (pair), gender columns and their total.</summary>
public static class CrossTableExport
{
    public static IReadOnlyList<ExportTable> Tables(CrossTableReport report, ReportLanguage language)
    {
        var columns = report.GenderColumns.Select(c => c.Label).ToList();
        IReadOnlyList<int> genders = [0, 1, 2];
        var lines = report.Totals is { } totals ? report.Lines.Append(totals).ToList() : report.Lines.ToList();
        static string Label(CrossTableLine l) => l.ColumnLabel is null ? l.RowLabel : $"{l.RowLabel} / {l.ColumnLabel}";
        return report.Measures.Select((measure, m) => new ExportTable($"{measure.Label}: {report.RowsLabel}" + (report.ColumnsLabel is { } c ? $" × {c}" : ""),
                columns, lines.Select(l => new ExportRow(Label(l), [ExportValue.Of(l.Measures[m].Women), ExportValue.Of(l.Measures[m].Men),
                    ExportValue.Of(l.Measures[m].NonBinary), ExportValue.Of(l.Measures[m].Total)])).ToList()) { ChartColumns = genders })
            .ToList();
    }
}
