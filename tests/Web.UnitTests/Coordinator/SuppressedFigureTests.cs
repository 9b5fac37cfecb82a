using System.Text.Json;
using Samverkan.Web.Api;
using Samverkan.Web.Components.Coordinator;
using Samverkan.Web.Workspaces.Coordinator;

namespace Samverkan.Web.UnitTests.Coordinator;

public sealed class SuppressedFigureTests : BunitContext
{
    [Fact]
    public void A_suppressed_cell_keeps_the_APIs_text_with_its_explanation_and_a_link_to_the_footnote()
    {
        var cut = Render<FigureCell>(p => p.Add(c => c.Value, new Figure(null, "<5", true)).Add(c => c.Threshold, 5));

        var abbr = cut.Find("td abbr");
        Assert.Equal("<5", abbr.TextContent);
        Assert.Equal("Färre än 5 personer, dolt för att skydda enskilda.", abbr.GetAttribute("title"));
        Assert.Equal("#" + SuppressionNote.Id, cut.Find("td a").GetAttribute("href"));
    }

    [Fact]
    public void A_complement_keeps_its_own_mark_and_is_not_said_to_be_small()
    {
        // Issue #15: a complement holds any number (11-14 in the review), so it is never "<5" nor explained as fewer.
        var cut = Render<FigureCell>(p => p.Add(c => c.Value, new Figure(null, "..", true)).Add(c => c.Threshold, 5));

        var abbr = cut.Find("td abbr");
        Assert.Equal("..", abbr.TextContent);
        Assert.Equal("Dolt så att en liten uppgift i tabellen inte kan räknas fram. Kan vara vilket antal som helst.", abbr.GetAttribute("title"));
        Assert.DoesNotContain("Färre", abbr.GetAttribute("title"));
    }

    [Fact]
    public void A_shown_cell_is_its_number_alone()
    {
        var cut = Render<FigureCell>(p => p.Add(c => c.Value, new Figure(12, "12", false)));

        Assert.Equal("12", cut.Find("td.number").TextContent.Trim());
        Assert.Empty(cut.FindAll("abbr"));
    }

    [Fact]
    public void The_footnote_explains_suppression_with_the_reports_threshold_only_when_something_is_suppressed()
    {
        var shown = Render<SuppressionNote>(p => p.Add(c => c.Shown, true).Add(c => c.Threshold, 3));
        var hidden = Render<SuppressionNote>(p => p.Add(c => c.Shown, false));

        Assert.Equal(SuppressionNote.Id, shown.Find("p").Id);
        Assert.Contains("”<3” är färre än 3 personer", shown.Find("p").TextContent);
        Assert.Contains("”..” är dolt så att en liten uppgift inte kan räknas fram", shown.Find("p").TextContent);
        Assert.Empty(hidden.Markup.Trim());
    }

    [Theory]
    [InlineData("""{"count":12}""", 12, "12", false)]
    [InlineData("""{"display":"<5","suppressed":true}""", null, "<5", true)]
    [InlineData("""{"display":"..","suppressed":true,"reason":"complement"}""", null, "..", true)]
    [InlineData("""{"count":7,"display":"7","suppressed":false}""", 7, "7", false)]
    public void Cells_are_read_as_the_API_marks_them_lean_or_full(string json, int? count, string text, bool suppressed)
    {
        var cell = JsonSerializer.Deserialize<Cell>(json, GatewayApi.Json)!;

        Assert.Equal(count, cell.Count);
        Assert.Equal(text, cell.Text);
        Assert.Equal(suppressed, cell.Suppressed);
    }

    [Fact]
    public void The_summary_knows_when_anything_on_the_page_is_suppressed()
    {
        Cell Shown(int n) => new(n, n.ToString(), false);
        var hidden = new Cell(null, "<5", true);
        SummaryRow Row(Cell women) => new("", "", women, Shown(0), Shown(0), Shown(9));
        CollaborationSummaryReport Report(Cell women) => new(Guid.NewGuid(), "S", new DateOnly(2026, 12, 1), null, false, 5, [],
            Row(Shown(9)), null, [new SummaryTable("municipality", "kommun", [Row(women)], null)],
            new ExitTable("avslut", [], Row(Shown(9))), null, Row(Shown(9)), []);

        Assert.True(SummaryCharts.AnySuppressed(Report(hidden)));
        Assert.False(SummaryCharts.AnySuppressed(Report(Shown(9))));
    }
}
