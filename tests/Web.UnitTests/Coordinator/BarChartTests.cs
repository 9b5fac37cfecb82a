using Samverkan.Web.Components.Coordinator;
using Samverkan.Web.Workspaces.Coordinator;

namespace Samverkan.Web.UnitTests.Coordinator;

public sealed class BarChartTests : BunitContext
{
    private static readonly IReadOnlyList<string> Series = ["Kvinnor", "Män", "Icke-binära", "Totalt"];

    private static readonly IReadOnlyList<ChartGroup> Groups =
    [
        new("Arbete", [new Figure(12, "12", false), new Figure(null, "<5", true), new Figure(0, "0", false), new Figure(null, "<5", true)]),
        new("Studier", [new Figure(6, "6", false), new Figure(9, "9", false), new Figure(0, "0", false), new Figure(15, "15", false)]),
    ];

    private IRenderedComponent<BarChart> RenderChart() => Render<BarChart>(p => p
        .Add(c => c.Id, "avslut").Add(c => c.Title, "Avslut per utfall och kön").Add(c => c.CategoryHeader, "Utfall")
        .Add(c => c.Series, Series).Add(c => c.Groups, Groups).Add(c => c.Charted, [0, 1, 2]).Add(c => c.Threshold, 5));

    [Fact]
    public void The_chart_is_an_image_titled_for_screen_readers_with_every_bar_labelled_by_category_and_value_as_text()
    {
        var cut = RenderChart();

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("avslut-titel", svg.GetAttribute("aria-labelledby"));
        Assert.Contains("Avslut per utfall och kön", cut.Find("svg title").TextContent);
        var texts = cut.FindAll("svg text").Select(t => t.TextContent).ToList();
        Assert.Contains("Arbete", texts);
        Assert.Contains("Kvinnor", texts);
        Assert.Contains("12", texts);
        Assert.Contains("<5 (dolt)", texts); // a hidden figure is said, not drawn
        Assert.DoesNotContain("Totalt", texts); // the total is in the table, not beside its parts
    }

    [Fact]
    public void Series_differ_by_pattern_not_colour_alone_and_a_suppressed_figure_gets_no_bar()
    {
        var cut = RenderChart();

        var fills = cut.FindAll("svg rect[stroke]").Select(r => r.GetAttribute("fill")).ToList();
        // Arbete: women and non-binary (0 draws nothing); men hidden. Studier: women, men.
        Assert.Equal(["url(#avslut-m0)", "url(#avslut-m0)", "url(#avslut-m1)"], fills.Order().ToList());
        Assert.Equal(4, cut.FindAll("svg defs pattern").Count);
    }

    [Fact]
    public void The_figures_are_also_in_a_table_with_caption_and_header_scopes()
    {
        var cut = RenderChart();

        Assert.Equal("Avslut per utfall och kön", cut.Find("table caption").TextContent.Trim());
        Assert.Equal(["Utfall", "Kvinnor", "Män", "Icke-binära", "Totalt"], cut.FindAll("th[scope=col]").Select(t => t.TextContent.Trim()).ToList());
        Assert.Equal(["Arbete", "Studier"], cut.FindAll("th[scope=row]").Select(t => t.TextContent.Trim()).ToList());
        Assert.Equal(["12", "<5*", "0", "<5*"], cut.FindAll("tbody tr")[0].QuerySelectorAll("td").Select(t => t.TextContent.Trim()).ToList());
    }

    [Fact]
    public void Bars_are_scaled_to_the_largest_drawn_figure()
    {
        var lines = BarChartLayout.Lines(Groups, Series, [0, 1, 2]);

        var bars = lines.Where(l => !l.Heading).ToList();
        Assert.Equal(BarChartLayout.BarArea, bars.Max(b => b.Width));
        Assert.Equal(BarChartLayout.BarArea / 2, bars.Single(b => b.ValueText == "6").Width);
        Assert.Equal(2, lines.Count(l => l.Heading));
    }

    [Fact]
    public void One_series_is_drawn_a_bar_per_category_labelled_with_the_category()
    {
        IReadOnlyList<ChartGroup> months = [new("2026-01", [Figure.Of(120.5m)]), new("2026-02", [new Figure(null, "<5", true)])];

        var lines = BarChartLayout.Lines(months, ["Timmar"], [0]);

        Assert.Equal(["2026-01", "2026-02"], lines.Select(l => l.Label).ToList());
        Assert.DoesNotContain(lines, l => l.Heading);
        Assert.Equal(0, lines[1].Width);
    }

    [Fact]
    public void The_chart_can_be_left_out_for_the_table_alone()
    {
        var cut = Render<BarChart>(p => p.Add(c => c.Id, "x").Add(c => c.Title, "T").Add(c => c.Series, Series)
            .Add(c => c.Groups, Groups).Add(c => c.ShowChart, false));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Single(cut.FindAll("table"));
    }
}
