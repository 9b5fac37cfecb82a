using System.Text;

namespace Samverkan.Reporting.Model.Export;

/// <summary>
/// Report tables as CSV: semicolon-separated, UTF-8 with a byte order mark (what Excel in a Swedish locale
/// opens directly, å ä ö intact). One line per row: table; row; figures. A header line of column labels
/// precedes a table whose columns differ from the table before it. Text that a spreadsheet would read as a
/// formula is neutralised (<see cref="Neutralise"/>): labels come from what agencies typed (actor names, titles).
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
                Line(sb, ["", "", .. table.Columns.Select(Neutralise)]);
            columns = table.Columns;
            foreach (var row in table.Rows)
                Line(sb, [Neutralise(table.Title), Neutralise(row.Label), .. row.Values.Select(Field)]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>A figure is written as it is displayed (a negative number stays a number); text is neutralised.</summary>
    private static string Field(ExportValue value) => value.Number is null ? Neutralise(value.Display) : value.Display;

    /// <summary>
    /// OWASP's rule against CSV injection: a cell that begins with = + - @, a tab or a carriage return would be
    /// evaluated by Excel or LibreOffice as a formula (which can run commands or send data away), so it gets a
    /// leading apostrophe, which the spreadsheet shows as text.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.AppendJoin(';', fields.Select(Escape));
        sb.Append("\r\n");
    }

    private static string Escape(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
