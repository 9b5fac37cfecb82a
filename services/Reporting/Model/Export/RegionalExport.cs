namespace Samverkan.Reporting.Model.Export;

/// <summary>The regional view as export tables: started, gender shares, exits, then each outcome's counts and shares.</summary>
public static class RegionalExport
{
    public static IReadOnlyList<ExportTable> Tables(RegionalViewReport report, ReportLanguage language)
    {
        var sv = language == ReportLanguage.Swedish;
        var columns = report.Columns.Select(c => c.Label).ToList();
        IReadOnlyList<int> genders = [0, 1, 2];
        var all = report.Municipalities.Append(report.Total).ToList();
        ExportRow Counts(string label, SummaryRow r) => new(label, [ExportValue.Of(r.Women), ExportValue.Of(r.Men), ExportValue.Of(r.NonBinary), ExportValue.Of(r.Total)]);
        ExportRow SharesRow(string label, Shares s) => new(label, [ExportValue.Of(s.Women), ExportValue.Of(s.Men), ExportValue.Of(s.NonBinary), ExportValue.Of(s.Total)]);

        var tables = new List<ExportTable>
        {
            new(sv ? "påbörjade deltagare per kommun" : "participants started by municipality", columns, all.Select(m => Counts(m.Name, m.Started)).ToList()) { ChartColumns = genders },
            new(sv ? "könsfördelning per kommun (%)" : "gender split by municipality (%)", columns, all.Select(m => SharesRow(m.Name, m.StartedShares)).ToList()) { ChartColumns = genders },
            new(sv ? "avslutade deltagare per kommun" : "exits by municipality", columns, all.Select(m => Counts(m.Name, m.Exited)).ToList()) { ChartColumns = genders },
        };
        for (var o = 0; o < report.Outcomes.Count; o++)
        {
            var label = report.Outcomes[o].Label;
            tables.Add(new($"{label}: {(sv ? "antal per kommun" : "count by municipality")}", columns, all.Select(m => Counts(m.Name, m.Outcomes[o].Counts)).ToList()) { ChartColumns = genders });
            tables.Add(new($"{label}: {(sv ? "andel av avslutade (%)" : "share of exits (%)")}", columns, all.Select(m => SharesRow(m.Name, m.Outcomes[o].Shares)).ToList()));
        }
        return tables;
    }
}
