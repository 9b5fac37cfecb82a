namespace Samverkan.Reporting.Model.Export;

/// <summary>The collaboration summary as export tables: every figure of the JSON, in the same order.</summary>
public static class SummaryExport
{
    public static IReadOnlyList<ExportTable> Tables(CollaborationSummaryReport report, ReportLanguage language)
    {
        var sv = language == ReportLanguage.Swedish;
        var columns = report.Columns.Select(c => c.Label).ToList();
        IReadOnlyList<int> genders = [0, 1, 2];
        ExportRow Row(SummaryRow r) => new(r.Label, [ExportValue.Of(r.Women), ExportValue.Of(r.Men), ExportValue.Of(r.NonBinary), ExportValue.Of(r.Total)]);

        var tables = new List<ExportTable> { new(report.Started.Label, columns, [Row(report.Started)]) { ChartColumns = genders } };
        foreach (var table in report.Tables)
            tables.Add(new(table.Label, columns, [.. table.Rows.Select(Row), .. table.Totals is null ? [] : new[] { Row(table.Totals) }]) { ChartColumns = genders });
        tables.Add(new(report.Exits.Label, columns,
            [.. report.Exits.Rows.Select(r => new ExportRow(r.Label, [ExportValue.Of(r.Women), ExportValue.Of(r.Men), ExportValue.Of(r.NonBinary), ExportValue.Of(r.Total)])),
             Row(report.Exits.Totals)]) { ChartColumns = genders });
        tables.Add(new(sv ? "andel av avslutade (%)" : "share of exits (%)", columns,
            report.Exits.Rows.Select(r => new ExportRow(r.Label,
                [ExportValue.Of(r.Shares.Women), ExportValue.Of(r.Shares.Men), ExportValue.Of(r.Shares.NonBinary), ExportValue.Of(r.Shares.Total)])).ToList()));
        tables.Add(new(report.Active.Label, columns, [Row(report.Active)]) { ChartColumns = genders });

        var targets = new List<ExportRow>();
        if (report.Volume is { } v)
            targets.Add(new(sv ? "påbörjade deltagare mot mål" : "participants started against target",
                [ExportValue.Of(v.Target), ExportValue.Of(v.Started), ExportValue.Of(v.SharePercent)]));
        if (report.WorkOrStudiesAgainstTarget is { } t)
            targets.Add(new(sv ? "andel till arbete eller studier (%) mot mål" : "share to work or studies (%) against target",
                [ExportValue.Of(t.TargetPercent), ExportValue.Of(t.Actual), ExportValue.Text(t.Met switch { true => sv ? "uppnått" : "met", false => sv ? "ej uppnått" : "not met", _ => "–" })]));
        if (targets.Count > 0)
            tables.Add(new(sv ? "mål och utfall" : "targets and results", [sv ? "mål" : "target", sv ? "utfall" : "result", sv ? "andel av mål (%)" : "share of target (%)"], targets)
                { ChartColumns = [0, 1] });
        if (report.HoursByMonth.Count > 0)
            tables.Add(new(OutcomeLabels.Hours(language), [sv ? "timmar" : "hours"],
                report.HoursByMonth.Select(h => new ExportRow(h.Month, [new ExportValue(h.Hours, h.Display)])).ToList()));
        // Last, as in the JSON (a property added after the others).
        if (report.ExitsByReferringActor.Count > 0)
            tables.Add(new(sv ? "avslutade deltagare efter remitterande aktör" : "exits by referring actor", columns,
                report.ExitsByReferringActor.SelectMany(r => new[] { r.Exited, r.Work, r.WorkOrStudies }
                    .Select(x => Row(x) with { Label = $"{r.Label}: {x.Label}" })).ToList()) { ChartColumns = genders });
        return tables;
    }
}
