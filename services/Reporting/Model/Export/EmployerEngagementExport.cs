namespace Samverkan.Reporting.Model.Export;

public static class EmployerEngagementExport
{
    public static IReadOnlyList<ExportTable> Tables(EmployerEngagementReport report, ReportLanguage language)
    {
        var sv = language == ReportLanguage.Swedish;
        var count = sv ? "antal" : "count";
        return
        [
            new(sv ? "arbetsgivarkontakter" : "employer contacts", [count],
            [
                new(sv ? "kontaktade arbetsgivare" : "employers contacted", [ExportValue.Of(report.EmployersContacted)]),
                new(sv ? "kontakter" : "contacts", [ExportValue.Of(report.Contacts)]),
                new(sv ? "dagar till första arbetsgivarkontakt (median)" : "days to first employer contact (median)",
                    [report.DaysToFirstContact.Suppressed ? ExportValue.Text(report.DaysToFirstContact.Participants.Display) : ExportValue.Of(report.DaysToFirstContact.MedianDays)]),
            ]),
            new(sv ? "kontakter per aktör" : "contacts by agency", [sv ? "kontakter" : "contacts", sv ? "arbetsgivare" : "employers"],
                report.ContactsByAgency.Select(a => new ExportRow(a.Name, [ExportValue.Of(a.Contacts), ExportValue.Of(a.Employers)])).ToList()),
            new(sv ? "erbjudanden per slag" : "offers by kind", [sv ? "erbjudanden" : "offers", sv ? "platser" : "places", sv ? "tillsatta" : "filled"],
                report.OffersByKind.Select(o => new ExportRow(o.Label, [ExportValue.Of(o.Offers), ExportValue.Of(o.Places), ExportValue.Of(o.Filled)])).ToList()),
            new(sv ? "placeringar per slag" : "placements by kind", report.PlacementColumns.Select(c => c.Label).ToList(),
                report.Placements.Append(report.PlacementTotals).Select(p => new ExportRow(p.Label, [ExportValue.Of(p.Placed), ExportValue.Of(p.Employed), ExportValue.Of(p.Total)])).ToList())
                { ChartColumns = [0, 1] },
        ];
    }
}
