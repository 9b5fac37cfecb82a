namespace Samverkan.Reporting.Model.Export;

public static class AgreementsExport
{
    public static IReadOnlyList<ExportTable> Tables(AgreementsReport report, ReportLanguage language)
    {
        var sv = language == ReportLanguage.Swedish;
        var promised = new ExportTable(sv ? "utlovade bidrag och leverans" : "promised contributions and delivery",
            [sv ? "utlovat" : "promised", sv ? "levererat" : "delivered", sv ? "andel levererat (%)" : "delivered (%)", sv ? "enhet" : "unit"],
            report.Actors.SelectMany(a => a.Contributions.Select(c => new ExportRow($"{a.Name}: {c.Label}",
                [ExportValue.Of(c.Quantity), c.Delivered is { } d ? ExportValue.Of(d) : ExportValue.Text("–"), ExportValue.Of(c.DeliveredPercent), ExportValue.Text(c.Unit)]))).ToList())
            { ChartColumns = [0, 1] };
        var tables = new List<ExportTable> { promised };
        foreach (var round in report.Assessments)
            tables.Add(new ExportTable(sv ? $"skattning omgång {round.Round} ({round.FirstSubmitted:yyyy-MM-dd})" : $"assessment round {round.Round} ({round.FirstSubmitted:yyyy-MM-dd})",
                [sv ? "medel" : "mean", sv ? "lägst" : "min", sv ? "högst" : "max", sv ? "spridning" : "spread", sv ? "avvikande" : "divergent"],
                round.Criteria.Select(c => new ExportRow(c.Label,
                    [ExportValue.Of(c.Mean), ExportValue.Of(c.Min), ExportValue.Of(c.Max), ExportValue.Of(c.Spread), ExportValue.Text(c.Divergent ? (sv ? "ja" : "yes") : (sv ? "nej" : "no"))])).ToList())
                { ChartColumns = [0, 3] });
        return tables;
    }
}
