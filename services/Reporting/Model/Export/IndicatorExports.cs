namespace Samverkan.Reporting.Model.Export;

/// <summary>ESF+ indicators and reference comparisons as export tables.</summary>
public static class IndicatorExports
{
    private static readonly IReadOnlyList<int> Genders = [0, 1, 2];

    private static ExportRow Row(SummaryRow r) => new(r.Label, [ExportValue.Of(r.Women), ExportValue.Of(r.Men), ExportValue.Of(r.NonBinary), ExportValue.Of(r.Total)]);

    public static IReadOnlyList<ExportTable> Tables(EsfIndicatorsReport report)
    {
        var columns = report.Columns.Select(c => c.Label).ToList();
        var tables = new List<ExportTable> { new(report.Started.Label, columns, [Row(report.Started)]) { ChartColumns = Genders } };
        foreach (var t in report.AtEntry)
            tables.Add(new(t.Label, columns, [.. t.Rows.Select(Row), .. t.Totals is null ? [] : new[] { Row(t.Totals) }]) { ChartColumns = Genders });
        tables.Add(new(report.Exited.Label, columns, [Row(report.Exited)]) { ChartColumns = Genders });
        tables.Add(new(report.OnLeaving.Label, columns, report.OnLeaving.Rows.Select(Row).ToList()) { ChartColumns = Genders });
        return tables;
    }

    public static IReadOnlyList<ExportTable> Tables(ReferenceComparisonReport report, ReportLanguage language)
    {
        var sv = language == ReportLanguage.Swedish;
        var columns = report.Columns.Select(c => c.Label).Concat([sv ? "referens" : "reference", sv ? "skillnad (procentenheter)" : "difference (points)"]).ToList();
        return
        [
            new(sv ? $"andel av avslutade (%) jämfört med {report.Reference}" : $"share of exits (%) compared with {report.Reference}", columns,
                report.Rows.Select(r => new ExportRow(r.Label,
                [
                    ExportValue.Of(r.Collaboration.Women), ExportValue.Of(r.Collaboration.Men), ExportValue.Of(r.Collaboration.NonBinary),
                    ExportValue.Of(r.Collaboration.Total), ExportValue.Of(r.ReferencePercent), ExportValue.Of(r.DifferencePoints),
                ])).ToList()) { ChartColumns = [3, 4] },
        ];
    }
}
