using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;
using Samverkan.Reporting.Model.Export;

namespace Samverkan.Reporting.UnitTests;

public sealed class CollaborationSummaryBuilderTests
{
    private static readonly Guid Collaboration = Guid.NewGuid();
    private static readonly Guid Af = Guid.NewGuid();
    private static readonly Guid Municipality = Guid.NewGuid();

    private static ParticipantEnrolled Enrolled(Gender gender, Guid referrer, string municipality = "0880",
        AgeBand? age = AgeBand.From30To54, params TargetGroup[] groups) => new()
    {
        ParticipantId = Guid.NewGuid(), CollaborationId = Collaboration, Gender = gender, AgeBand = age,
        MunicipalityCode = municipality, ReferringActorId = referrer, ReferralDate = new(2026, 1, 1),
        TargetGroups = groups.Length == 0 ? [TargetGroup.LongTermUnemployed] : groups, StartDate = new(2026, 1, 10),
        EnrolledAt = DateTimeOffset.UtcNow,
    };

    /// <summary>What the consumer's counters hold after these enrolments: one increment per dimension key.</summary>
    private static List<DimensionCount> Aggregate(IEnumerable<ParticipantEnrolled> enrolments) =>
        enrolments.SelectMany(e => Dimensions.Of(e).Select(k => (k.Dimension, k.Key, e.Gender)))
            .GroupBy(x => x)
            .Select(g => new DimensionCount(g.Key.Dimension, g.Key.Key, g.Key.Gender, g.Count()))
            .ToList();

    private static readonly Dictionary<Guid, string> Names = new() { [Af] = "Arbetsförmedlingen", [Municipality] = "Kalmar kommun" };

    private static List<ParticipantEnrolled> Sample() =>
    [
        .. Enumerable.Range(0, 12).Select(_ => Enrolled(Gender.Woman, Af)),
        .. Enumerable.Range(0, 9).Select(_ => Enrolled(Gender.Man, Af, "0880", AgeBand.From18To24, TargetGroup.Young, TargetGroup.NewlyArrived)),
        .. Enumerable.Range(0, 2).Select(_ => Enrolled(Gender.NonBinary, Municipality, "0881", null)),
        .. Enumerable.Range(0, 7).Select(_ => Enrolled(Gender.Woman, Municipality, "0881")),
    ];

    private static CollaborationFact Plan => new() { CollaborationId = Collaboration, Name = "FSLA", OwnerActorId = Af, ParticipantTarget = 60 };

    [Fact]
    public void Exact_summary_counts_started_by_gender_and_every_dimension()
    {
        var report = CollaborationSummaryBuilder.Build(Collaboration, Plan, new(2026, 12, 31), Aggregate(Sample()), Names, ReportLanguage.Swedish, null);

        Assert.True(report.Exact);
        Assert.Equal((19, 9, 2, 30), (report.Started.Women.Count, report.Started.Men.Count, report.Started.NonBinary.Count, report.Started.Total.Count));
        var actors = report.Tables.Single(t => t.Dimension == Dimensions.ReferringActor);
        Assert.Equal("remitterande aktör", actors.Label);
        var af = actors.Rows.Single(r => r.Label == "Arbetsförmedlingen");
        Assert.Equal((12, 9, 0, 21), (af.Women.Count, af.Men.Count, af.NonBinary.Count, af.Total.Count));
        var municipalities = report.Tables.Single(t => t.Dimension == Dimensions.Municipality);
        Assert.Equal(["Kalmar", "Nybro"], municipalities.Rows.Select(r => r.Label));
        Assert.Equal(30, municipalities.Totals!.Total.Count);
        var groups = report.Tables.Single(t => t.Dimension == Dimensions.TargetGroup);
        Assert.Null(groups.Totals); // overlapping rows: no column totals
        Assert.Equal(9, groups.Rows.Single(r => r.Key == nameof(TargetGroup.Young)).Total.Count);
        Assert.Equal(9, groups.Rows.Single(r => r.Key == nameof(TargetGroup.NewlyArrived)).Total.Count);
        Assert.Equal(21, groups.Rows.Single(r => r.Key == nameof(TargetGroup.LongTermUnemployed)).Total.Count);
        var ages = report.Tables.Single(t => t.Dimension == Dimensions.AgeBand);
        Assert.Equal(["18–24 år", "30–54 år", "okänd"], ages.Rows.Select(r => r.Label));
        Assert.Equal(60, report.Volume!.Target);
        Assert.Equal(50.0m, report.Volume.SharePercent);
    }

    [Fact]
    public void Labels_are_english_on_request()
    {
        var report = CollaborationSummaryBuilder.Build(Collaboration, Plan, new(2026, 12, 31), Aggregate(Sample()), Names, ReportLanguage.English, null);
        Assert.Equal(["women", "men", "non-binary", "total"], report.Columns.Select(c => c.Label));
        Assert.Equal(["referring actor", "municipality", "target group", "age band"], report.Tables.Select(t => t.Label));
    }

    [Fact]
    public void Swedish_column_labels_are_kvinnor_män_icke_binära()
    {
        var report = CollaborationSummaryBuilder.Build(Collaboration, Plan, new(2026, 12, 31), Aggregate(Sample()), Names, ReportLanguage.Swedish, null);
        Assert.Equal(["kvinnor", "män", "icke-binära", "totalt"], report.Columns.Select(c => c.Label));
    }

    [Fact]
    public void Suppressed_summary_hides_small_counts_with_a_complement_in_every_table()
    {
        var report = CollaborationSummaryBuilder.Build(Collaboration, Plan, new(2026, 12, 31), Aggregate(Sample()), Names, ReportLanguage.Swedish, 5);

        Assert.False(report.Exact);
        // Two non-binary participants: hidden, and with them the next smallest of the headline (men, 9).
        Assert.True(report.Started.NonBinary.Suppressed);
        Assert.Equal("<5", report.Started.NonBinary.Display);
        Assert.Null(report.Started.NonBinary.Count);
        Assert.True(report.Started.Men.Suppressed);
        Assert.Equal(30, report.Started.Total.Count);
        foreach (var table in report.Tables)
        {
            var rows = table.Totals is null ? table.Rows : [.. table.Rows, table.Totals];
            foreach (var row in rows)
            {
                var hidden = new[] { row.Women, row.Men, row.NonBinary, row.Total }.Count(c => c.Suppressed);
                Assert.NotEqual(1, hidden);
            }
            if (table.Totals is not null)
            {
                // The totals row is the headline: hidden in the same places.
                Assert.Equal(report.Started.Men.Suppressed, table.Totals.Men.Suppressed);
                Assert.Equal(report.Started.NonBinary.Suppressed, table.Totals.NonBinary.Suppressed);
                foreach (var column in new Func<SummaryRow, Cell>[] { r => r.Women, r => r.Men, r => r.NonBinary, r => r.Total })
                    Assert.NotEqual(1, rows.Count(r => column(r).Suppressed));
            }
        }
        Assert.Equal(50.0m, report.Volume!.SharePercent);
    }

    [Fact]
    public void Volume_share_is_withheld_when_the_total_is_suppressed()
    {
        var report = CollaborationSummaryBuilder.Build(Collaboration, Plan, new(2026, 12, 31),
            Aggregate([Enrolled(Gender.Woman, Af), Enrolled(Gender.Man, Af)]), Names, ReportLanguage.Swedish, 5);
        Assert.True(report.Volume!.Started.Suppressed);
        Assert.Null(report.Volume.SharePercent);
    }

    [Fact]
    public void A_participant_counts_once_in_each_partition_and_in_each_of_its_target_groups()
    {
        var keys = Dimensions.Of(Enrolled(Gender.Woman, Af, "0880", null, TargetGroup.Young, TargetGroup.Young, TargetGroup.Other));
        Assert.Single(keys, k => k.Dimension == Dimensions.Started);
        Assert.Single(keys, k => k.Dimension == Dimensions.Municipality);
        Assert.Contains((Dimensions.AgeBand, Dimensions.UnknownKey), keys);
        Assert.Equal(2, keys.Count(k => k.Dimension == Dimensions.TargetGroup));
    }
}

public sealed class SummaryCsvTests
{
    [Fact]
    public void Csv_holds_the_display_figures_of_every_row_with_swedish_headers()
    {
        var collaboration = Guid.NewGuid();
        var counts = new List<DimensionCount>
        {
            new(Dimensions.Started, "", Contracts.Participants.Gender.Woman, 12),
            new(Dimensions.Started, "", Contracts.Participants.Gender.NonBinary, 2),
            new(Dimensions.Municipality, "0880", Contracts.Participants.Gender.Woman, 12),
            new(Dimensions.Municipality, "0880", Contracts.Participants.Gender.NonBinary, 2),
        };
        var report = CollaborationSummaryBuilder.Build(collaboration, null, new(2026, 12, 31), counts, new Dictionary<Guid, string>(), ReportLanguage.Swedish, 5);

        var text = System.Text.Encoding.UTF8.GetString(CsvExport.Write(SummaryExport.Tables(report, ReportLanguage.Swedish))).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(";;kvinnor;män;icke-binära;totalt", lines[0]);
        // 2 non-binary hidden ("<5"); its complement is the women's 12, not the men's 0 (a hidden 0 would pin the 2),
        // marked ".." (it is no small count), and the legend says which mark is which.
        Assert.Contains("påbörjade deltagare;påbörjade deltagare;..;0;<5;14", lines);
        Assert.Contains("kommun;Kalmar;..;0;<5;14", lines);
        Assert.Contains("kommun;totalt;..;0;<5;14", lines);
        Assert.DoesNotContain(lines, l => l.Contains("teckenförklaring")); // the legend is the API's (ReportOutput), not the tables'
        var exported = System.Text.Encoding.UTF8.GetString(CsvExport.Write(ExportLegend.Append(SummaryExport.Tables(report, ReportLanguage.Swedish), ReportLanguage.Swedish)));
        Assert.Contains("teckenförklaring;<5 – färre än 5 personer (dolt)", exported);
        Assert.Contains("teckenförklaring;.. – dolt för att", exported);
    }
}
