using System.Globalization;

namespace Samverkan.Web.Workspaces.Coordinator;

/// <summary>A category of a chart (a row of its table): its label and one figure per series (column).</summary>
public sealed record ChartGroup(string Label, IReadOnlyList<Figure> Values);

/// <summary>One drawn line of a horizontal bar chart: a heading for a group, or a bar with its label and value text.</summary>
public sealed record ChartLine(double Y, string Label, bool Heading, int Series, double Width, string ValueText, bool Suppressed);

/// <summary>
/// Where the bars of a server-rendered SVG bar chart go. Horizontal bars, each with its category and value written
/// beside it as text, so the chart reads without colour (the series also differ by pattern). A suppressed figure
/// gets no bar, only its text ("&lt;5"). Pure, so it is tested alone.
/// </summary>
public static class BarChartLayout
{
    public const double Width = 640, LabelWidth = 170, BarArea = 360, LineHeight = 24, BarHeight = 16;

    public static IReadOnlyList<ChartLine> Lines(IReadOnlyList<ChartGroup> groups, IReadOnlyList<string> series, IReadOnlyList<int> charted)
    {
        var max = groups.SelectMany(g => charted.Where(c => c < g.Values.Count).Select(c => g.Values[c].Number ?? 0)).DefaultIfEmpty(0).Max();
        double Scale(decimal? n) => n is { } v && v > 0 && max > 0 ? (double)(v / max) * BarArea : 0;
        var lines = new List<ChartLine>();
        var y = 0d;
        // One series: a bar per category, labelled with the category. Several: a heading per category, a bar per series.
        var single = charted.Count == 1;
        foreach (var group in groups)
        {
            if (!single)
            {
                lines.Add(new ChartLine(y, Short(group.Label, 80), true, -1, 0, "", false));
                y += LineHeight;
            }
            foreach (var c in charted.Where(c => c < group.Values.Count))
            {
                var value = group.Values[c];
                var text = value.Suppressed ? $"{value.Text} (dolt)" : value.Text;
                lines.Add(new ChartLine(y, Short(single ? group.Label : series[c], 24), false, c, Scale(value.Number), text, value.Suppressed));
                y += LineHeight;
            }
        }
        return lines;
    }

    /// <summary>A label cut to fit its column in the SVG; the table beside the chart has it in full.</summary>
    public static string Short(string label, int max) => label.Length <= max ? label : label[..(max - 1)] + "…";

    public static double Height(IReadOnlyList<ChartLine> lines) => lines.Count == 0 ? LineHeight : lines[^1].Y + LineHeight + 4;

    /// <summary>A coordinate in the SVG: always with a decimal point (the figures people read are SwedishFormat).</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
