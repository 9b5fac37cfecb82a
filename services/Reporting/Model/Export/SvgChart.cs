using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Samverkan.Reporting.Model.Export;

/// <summary>
/// A plain SVG with one horizontal bar chart per table: a bar per charted column for each row, the figure
/// beside it, hidden figures as "&lt;5" without a bar. Built with XElement, so it is always well-formed XML.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] Colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f", "#9467bd", "#8c564b"];
    private const int Width = 900, LabelWidth = 300, BarArea = 480, BarHeight = 14, Gap = 10, TitleHeight = 44;

    public static byte[] Write(IEnumerable<ExportTable> tables, string title)
    {
        var elements = new List<XElement> { Text(10, 24, title, 18, "bold") };
        var y = 40;
        foreach (var table in tables)
        {
            var charted = table.ChartColumns ?? Enumerable.Range(0, table.Columns.Count).ToList();
            var max = table.Rows.SelectMany(r => charted.Select(c => c < r.Values.Count ? r.Values[c].Number ?? 0 : 0)).DefaultIfEmpty(0).Max();
            elements.Add(Text(10, y + 20, table.Title, 14, "bold"));
            // Legend: one swatch per charted column.
            var x = LabelWidth;
            foreach (var (c, i) in charted.Select((c, i) => (c, i)))
            {
                elements.Add(new XElement(Svg + "rect", new XAttribute("x", x), new XAttribute("y", y + 10), new XAttribute("width", 10),
                    new XAttribute("height", 10), new XAttribute("fill", Colours[i % Colours.Length])));
                elements.Add(Text(x + 14, y + 20, table.Columns[c], 11));
                x += 16 + 7 * table.Columns[c].Length;
            }
            y += TitleHeight;
            foreach (var row in table.Rows)
            {
                elements.Add(Text(10, y + BarHeight * charted.Count / 2.0 + 4, row.Label, 12));
                foreach (var (c, i) in charted.Select((c, i) => (c, i)))
                {
                    var value = c < row.Values.Count ? row.Values[c] : ExportValue.Text("");
                    var length = value.Number is { } n && max > 0 ? (double)(n / max) * BarArea : 0;
                    elements.Add(new XElement(Svg + "rect", new XAttribute("x", LabelWidth), new XAttribute("y", y),
                        new XAttribute("width", length.ToString("0.#", CultureInfo.InvariantCulture)), new XAttribute("height", BarHeight - 2),
                        new XAttribute("fill", Colours[i % Colours.Length])));
                    elements.Add(Text(LabelWidth + length + 4, y + BarHeight - 4, value.Display, 11));
                    y += BarHeight;
                }
                y += Gap;
            }
            y += Gap;
        }
        var svg = new XElement(Svg + "svg", new XAttribute("width", Width), new XAttribute("height", y + 10),
            new XAttribute("viewBox", $"0 0 {Width} {y + 10}"), new XAttribute("font-family", "sans-serif"),
            new XElement(Svg + "title", title), elements);
        return Encoding.UTF8.GetBytes(new XDocument(new XDeclaration("1.0", "UTF-8", null), svg).ToString());
    }

    private static XElement Text(double x, double y, string text, int size, string? weight = null) =>
        new(Svg + "text", new XAttribute("x", x.ToString("0.#", CultureInfo.InvariantCulture)), new XAttribute("y", y.ToString("0.#", CultureInfo.InvariantCulture)),
            new XAttribute("font-size", size), weight is null ? null : new XAttribute("font-weight", weight), text);
}
