using System.Text;

namespace Samverkan.Reporting.Model.Export;

/// <summary>
/// Report tables as CSV: semicolon-separated, UTF-8 with a byte order mark (what Excel in a Swedish locale
/// opens directly, å ä ö intact). One line per row: table; row; figures. A header line of column labels
/// precedes a table whose columns differ from the table before it.
/// </summary>
public static class CsvExport
{
    public static byte[] Write(IEnumerable<ExportTable> tables)
    {
        var sb = new StringBuilder();
        IReadOnlyList<string>? columns = null;
        foreach (var table in tables)
        {
            if (columns is null || !columns.SequenceEqual(table.Columns))
                Line(sb, ["", "", .. table.Columns]);
            columns = table.Columns;
            foreach (var row in table.Rows)
                Line(sb, [table.Title, row.Label, .. row.Values.Select(v => v.Display)]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.AppendJoin(';', fields.Select(Escape));
        sb.Append("\r\n");
    }

    private static string Escape(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
