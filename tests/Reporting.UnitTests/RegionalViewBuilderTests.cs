using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

public sealed class RegionalViewBuilderTests
{
    private static Counters Sample() => new Counters()
        // Borgholm: 15 exits, 11 to work (73 %).
        .Add(8, Gender.Woman, ExitOutcome.Employment, "0885").Add(3, Gender.Man, ExitOutcome.SelfEmployment, "0885")
        .Add(4, Gender.Man, ExitOutcome.JobSeeking, "0885").Add(1, Gender.Woman, null, "0885")
        // Vimmerby: 13 started, 10 women.
        .Add(10, Gender.Woman, ExitOutcome.Studies, "0884").Add(3, Gender.Man, ExitOutcome.Other, "0884");

    private static RegionalViewReport Build(int? threshold = null, string? municipality = null) =>
        RegionalViewBuilder.Build(Sample().Of(Dimensions.AllCollaborations), new(2026, 12, 31), null, null, municipality, ReportLanguage.Swedish, threshold);

    [Fact]
    public void Each_municipality_has_its_started_gender_shares_exits_and_outcome_shares()
    {
        var report = Build();

        Assert.Equal(["Borgholm", "Vimmerby"], report.Municipalities.Select(m => m.Name));
        var borgholm = report.Municipalities[0];
        Assert.Equal(16, borgholm.Started.Total.Count);
        Assert.Equal(15, borgholm.Exited.Total.Count);
        var work = borgholm.Outcomes.Single(o => o.Key == "work");
        Assert.Equal(11, work.Counts.Total.Count);
        Assert.Equal(73.3m, work.Shares.Total.Percent);
        Assert.Equal(100.0m, work.Shares.Women.Percent);
        var vimmerby = report.Municipalities[1];
        Assert.Equal(76.9m, vimmerby.StartedShares.Women.Percent); // 10 of 13
        Assert.Equal(76.9m, vimmerby.Outcomes.Single(o => o.Key == "work-or-studies").Shares.Total.Percent);
        Assert.Equal(29, report.Total.Started.Total.Count);
        Assert.Equal(["work", "studies", "internship", "job-seeking", "other", "work-or-studies"], report.Outcomes.Select(o => o.Key));
        Assert.Equal("söker arbete", report.Outcomes.Single(o => o.Key == "job-seeking").Label);
    }

    [Fact]
    public void A_municipality_filter_keeps_only_that_municipality()
    {
        var report = Build(municipality: "0884");
        var only = Assert.Single(report.Municipalities);
        Assert.Equal("Vimmerby", only.Name);
        Assert.Equal(13, report.Total.Started.Total.Count);
    }

    [Fact]
    public void Suppressed_regional_view_leaves_no_line_with_one_hidden_cell_and_hides_shares_of_hidden_counts()
    {
        var report = Build(threshold: 5);
        Assert.False(report.Exact);
        var all = report.Municipalities.Append(report.Total).ToList();
        static Cell[] Cells(SummaryRow r) => [r.Women, r.Men, r.NonBinary, r.Total];
        foreach (var m in all)
        {
            Assert.NotEqual(1, Cells(m.Started).Count(c => c.Suppressed));
            Assert.NotEqual(1, Cells(m.Exited).Count(c => c.Suppressed));
            var parts = m.Outcomes.Where(o => o.Key != "work-or-studies").ToList();
            foreach (var o in parts)
                Assert.NotEqual(1, Cells(o.Counts).Count(c => c.Suppressed));
            for (var c = 0; c < 4; c++)
                Assert.NotEqual(1, parts.Count(o => Cells(o.Counts)[c].Suppressed) + (Cells(m.Exited)[c].Suppressed ? 1 : 0));
            foreach (var o in m.Outcomes)
            {
                var shares = new[] { o.Shares.Women, o.Shares.Men, o.Shares.NonBinary, o.Shares.Total };
                for (var c = 0; c < 4; c++)
                    Assert.True(!Cells(o.Counts)[c].Suppressed || shares[c].Suppressed);
            }
        }
        // Columns across municipalities: started.
        for (var c = 0; c < 4; c++)
            Assert.NotEqual(1, all.Count(m => Cells(m.Started)[c].Suppressed));
        Assert.True(report.Municipalities[0].Outcomes.Single(o => o.Key == "work").Counts.Men.Suppressed); // 3 men
    }
}
