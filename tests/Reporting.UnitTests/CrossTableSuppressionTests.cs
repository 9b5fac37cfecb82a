using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

public sealed class CrossTableSuppressionTests
{
    private static readonly Guid Collaboration = Guid.NewGuid();

    private static CrossTableReport Report(int? threshold, params (string Municipality, Gender Gender, int Started)[] rows)
    {
        var cells = rows.Select(r => new CrossCell(r.Municipality, "", r.Gender, Dimensions.StartedMeasure, r.Started, r.Started)).ToList();
        return CrossTableBuilder.Build(Collaboration, CrossTableBuilder.DimensionNamed("municipality")!, null, null, null, cells,
            (_, key) => key, ReportLanguage.Swedish, threshold);
    }

    private static Cell Started(CrossTableLine line, Func<SummaryRow, Cell> gender) => gender(line.Measures.Single(m => m.Key == "started"));

    [Fact]
    public void A_small_cell_is_hidden_with_a_complement_in_its_line_and_in_its_column_so_neither_total_gives_it_away()
    {
        var report = Report(5, ("0880", Gender.Woman, 3), ("0880", Gender.Man, 12), ("0881", Gender.Woman, 9), ("0881", Gender.Man, 8));
        var kalmar = report.Lines.Single(l => l.RowKey == "0880");
        var nybro = report.Lines.Single(l => l.RowKey == "0881");

        Assert.Equal("<5", Started(kalmar, r => r.Women).Display);
        // 0880's total (15) less its men would give its women: the men are hidden too; and the women's column total less
        // Nybro's women would: Nybro's women are hidden too.
        Assert.True(Started(kalmar, r => r.Men).Suppressed);
        Assert.True(Started(nybro, r => r.Women).Suppressed);
        Assert.Equal(15, Started(kalmar, r => r.Total).Count);
    }

    [Fact]
    public void Exact_viewers_get_every_count()
    {
        var report = Report(null, ("0880", Gender.Woman, 3), ("0880", Gender.Man, 12));
        Assert.All(report.Lines.SelectMany(l => l.Measures).SelectMany(m => new[] { m.Women, m.Men, m.NonBinary, m.Total }), c => Assert.False(c.Suppressed));
        Assert.Equal(3, Started(report.Lines[0], r => r.Women).Count);
    }
}
