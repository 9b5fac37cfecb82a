using System.Text;

namespace Samverkan.Reporting.Model;

/// <summary>
/// A collaboration summary as CSV holding exactly the JSON's figures (the display text: "&lt;5" where suppressed).
/// Semicolon-separated, UTF-8 with a byte order mark: what Excel in a Swedish locale opens directly, å ä ö intact.
/// One line per row: dimension; row; then the column labels.
/// </summary>
public static class SummaryCsv
{
    public static byte[] Write(CollaborationSummaryReport report)
    {
        var sb = new StringBuilder();
        Line(sb, ["", "", .. report.Columns.Select(c => c.Label)]);
        Row(sb, report.Started.Label, report.Started);
        foreach (var table in report.Tables)
        {
            foreach (var row in table.Rows)
                Row(sb, table.Label, row);
            if (table.Totals is not null)
                Row(sb, table.Label, table.Totals);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static void Row(StringBuilder sb, string dimension, SummaryRow row) =>
        Line(sb, [dimension, row.Label, row.Women.Display, row.Men.Display, row.NonBinary.Display, row.Total.Display]);

    private static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.AppendJoin(';', fields.Select(Escape));
        sb.Append("\r\n");
    }

    private static string Escape(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
