using System.Globalization;

namespace Samverkan.Reporting.Model.Export;

/// <summary>
/// The legend of an export's hidden figures (<see cref="SuppressionMarks"/>), as a last table, when any figure is
/// hidden: the same marks and meanings as the JSON's <c>marks</c>, so a CSV, workbook or chart read alone still says
/// that "&lt;5" is a small count and ".." a figure hidden to protect one.
/// </summary>
public static class ExportLegend
{
    public static IReadOnlyList<ExportTable> Append(IReadOnlyList<ExportTable> tables, ReportLanguage language)
    {
        var hidden = tables.SelectMany(t => t.Rows).SelectMany(r => r.Values).Where(v => v.Number is null).Select(v => v.Display).ToList();
        var small = hidden.Where(d => d.StartsWith('<') && int.TryParse(d.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(d => int.Parse(d.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        var complement = hidden.Contains(SuppressionMarks.ComplementMark);
        if (small == 0 && !complement)
            return tables;
        // Every mark of the legend, whichever appear: the threshold is the one the hidden counts show, else the default.
        var marks = SuppressionMarks.Legend(small > 0 ? small : 5, language);
        var sv = language == ReportLanguage.Swedish;
        var legend = new ExportTable(sv ? "teckenförklaring" : "legend", [sv ? "betydelse" : "meaning"],
            marks.Select(m => new ExportRow($"{m.Mark} – {m.Meaning}", [ExportValue.Text(m.Meaning)])).ToList())
        {
            ChartColumns = [],
        };
        return [.. tables, legend];
    }
}
