namespace Samverkan.Reporting.Model.Export;

/// <summary>
/// A report table as the exports write it: the same display figures as the JSON ("&lt;5" where hidden), with
/// the number alongside for spreadsheets and charts. One shape for CSV, XLSX and SVG, so they cannot disagree.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<ExportRow> Rows)
{
    /// <summary>Columns drawn in the chart; all when absent (a total beside its parts would dwarf them).</summary>
    public IReadOnlyList<int>? ChartColumns { get; init; }
}

public sealed record ExportRow(string Label, IReadOnlyList<ExportValue> Values);

/// <summary>A figure: its number when shown, null when hidden or not applicable; and its display text.</summary>
public sealed record ExportValue(decimal? Number, string Display)
{
    public static ExportValue Of(Cell cell) => new(cell.Count, cell.Display);
    public static ExportValue Of(Share share) => new(share.Percent, share.Display);
    public static ExportValue Of(decimal? number) =>
        new(number, number?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "–");
    public static ExportValue Text(string text) => new(null, text);
}
