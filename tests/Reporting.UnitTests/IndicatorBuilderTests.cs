using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

public sealed class EsfIndicatorsBuilderTests
{
    private static Counters Sample() => new Counters()
        .Add(10, Gender.Woman, ExitOutcome.Employment, status: LabourMarketStatus.LongTermUnemployed, education: EducationLevel.PrimaryOrLowerSecondary, age: AgeBand.From18To24, qualification: true)
        .Add(6, Gender.Woman, ExitOutcome.SelfEmployment, status: LabourMarketStatus.Unemployed, education: EducationLevel.Tertiary, age: AgeBand.From25To29)
        .Add(8, Gender.Man, ExitOutcome.JobSeeking, status: LabourMarketStatus.Inactive, age: AgeBand.From55)
        .Add(2, Gender.NonBinary, ExitOutcome.Studies, status: LabourMarketStatus.Inactive, age: AgeBand.Under18);

    [Fact]
    public void Output_indicators_at_entry_and_result_indicators_on_leaving_by_gender()
    {
        var report = EsfIndicatorsBuilder.Build(Counters.Collaboration, null, new(2026, 12, 31), null, Sample().OfCollaboration(), ReportLanguage.Swedish, null);

        var status = report.AtEntry.Single(t => t.Dimension == Dimensions.LabourMarketStatus).Rows.ToDictionary(r => r.Key);
        Assert.Equal(10, status["long-term-unemployed"].Women.Count);
        Assert.Equal(10, status["inactive"].Total.Count);
        var age = report.AtEntry.Single(t => t.Dimension == Dimensions.AgeBand).Rows.ToDictionary(r => r.Key);
        Assert.Equal(16, age["18-29"].Women.Count); // 18–24 and 25–29 together
        Assert.Equal(8, age["55-and-over"].Men.Count);
        Assert.Equal(2, age["under-18"].NonBinary.Count);
        var education = report.AtEntry.Single(t => t.Dimension == Dimensions.EducationLevel).Rows.ToDictionary(r => r.Key);
        Assert.Equal(10, education["primary-or-lower-secondary"].Total.Count);
        Assert.Equal(10, education[Dimensions.UnknownKey].Total.Count);
        var results = report.OnLeaving.Rows.ToDictionary(r => r.Key);
        Assert.Equal(16, results["employed"].Women.Count); // self-employed included
        Assert.Equal(10, results["gained-qualification"].Total.Count);
        Assert.Equal(8, results["job-searching"].Men.Count);
        Assert.Equal(2, results["in-education-or-training"].NonBinary.Count);
    }

    [Fact]
    public void Suppressed_indicators_leave_no_row_or_column_with_one_hidden_cell()
    {
        var report = EsfIndicatorsBuilder.Build(Counters.Collaboration, null, new(2026, 12, 31), null, Sample().OfCollaboration(), ReportLanguage.Swedish, 5);
        static Cell[] Cells(SummaryRow r) => [r.Women, r.Men, r.NonBinary, r.Total];
        foreach (var table in report.AtEntry)
        {
            var rows = table.Rows.Append(table.Totals!).ToList();
            foreach (var row in rows)
                Assert.NotEqual(1, Cells(row).Count(c => c.Suppressed));
            for (var c = 0; c < 4; c++)
                Assert.NotEqual(1, rows.Count(r => Cells(r)[c].Suppressed));
        }
        foreach (var row in report.OnLeaving.Rows.Append(report.Exited))
            Assert.NotEqual(1, Cells(row).Count(c => c.Suppressed));
        Assert.True(report.OnLeaving.Rows.Single(r => r.Key == "in-education-or-training").NonBinary.Suppressed);
    }
}

public sealed class ReferenceComparisonBuilderTests
{
    [Fact]
    public void Shares_are_set_beside_the_reference_with_the_difference_in_points()
    {
        var counters = new Counters().Add(40, Gender.Woman, ExitOutcome.Employment).Add(9, Gender.Woman, ExitOutcome.Studies).Add(51, Gender.Man, ExitOutcome.Other);
        var summary = CollaborationSummaryBuilder.Build(Counters.Collaboration, null, new(2026, 12, 31), counters.OfCollaboration(), new Dictionary<Guid, string>(), ReportLanguage.Swedish, null);

        var report = ReferenceComparisonBuilder.Build(summary, ReferenceComparisonBuilder.EsfProgrammeAverage,
            new Dictionary<string, decimal> { ["work"] = 0.22m, ["studies"] = 0.12m, ["work-or-studies"] = 0.34m });

        var rows = report.Rows.ToDictionary(r => r.Key);
        Assert.Equal(["studies", "work", "work-or-studies"], report.Rows.Select(r => r.Key).Order());
        Assert.Equal(34.0m, rows["work-or-studies"].ReferencePercent);
        Assert.Equal(49.0m, rows["work-or-studies"].Collaboration.Total.Percent);
        Assert.Equal(15.0m, rows["work-or-studies"].DifferencePoints);
        Assert.Equal(-3.0m, rows["studies"].DifferencePoints);
    }
}

public sealed class AgreementsReportBuilderTests
{
    private static readonly Guid Actor = Guid.NewGuid();
    private static readonly Guid Agreement = Guid.NewGuid();

    private static AgreementVersion Version(int version, decimal referrals) => new()
    {
        AgreementId = Agreement, Version = version, CollaborationId = Counters.Collaboration, ActorId = Actor, ValidFrom = new(2026, 1, 1), ValidTo = new(2026, 12, 31),
        Contributions = [new((int)ContributionKind.ParticipantReferrals, referrals, "participants"), new((int)ContributionKind.StaffHours, 400, "hours")],
        SignedAt = new DateTimeOffset(2026, version, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static AssessmentScore Score(int round, int criterion, int score) => new()
    {
        CollaborationId = Counters.Collaboration, Round = round, ActorId = Guid.NewGuid(), Criterion = criterion, Score = score,
        SubmittedAt = new DateTimeOffset(2026, round * 3, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void The_latest_signed_version_is_promised_and_referrals_are_delivered_participants()
    {
        var report = AgreementsReportBuilder.Build(Counters.Collaboration, null, new(2026, 12, 31), [Version(1, 20), Version(2, 30)],
            new Dictionary<Guid, string> { [Actor] = "Försäkringskassan" }, new Dictionary<Guid, Cell> { [Actor] = Cell.Shown(12) }, [], ReportLanguage.Swedish, null);

        var actor = Assert.Single(report.Actors);
        Assert.Equal(2, actor.Version);
        var referrals = actor.Contributions.Single(c => c.Kind == "participant-referrals");
        Assert.Equal(30m, referrals.Quantity);
        Assert.Equal(12, referrals.Delivered!.Count);
        Assert.Equal(40.0m, referrals.DeliveredPercent);
        Assert.Null(actor.Contributions.Single(c => c.Kind == "staff-hours").Delivered);
    }

    [Fact]
    public void A_version_signed_after_the_as_of_date_is_not_yet_promised_and_a_hidden_delivery_has_no_share()
    {
        var report = AgreementsReportBuilder.Build(Counters.Collaboration, null, new(2026, 1, 15), [Version(1, 20), Version(2, 30)],
            new Dictionary<Guid, string>(), new Dictionary<Guid, Cell> { [Actor] = Cell.Hidden(5) }, [], ReportLanguage.Swedish, 5);
        var referrals = Assert.Single(report.Actors).Contributions.Single(c => c.Kind == "participant-referrals");
        Assert.Equal(20m, referrals.Quantity);
        Assert.True(referrals.Delivered!.Suppressed);
        Assert.Null(referrals.DeliveredPercent);
    }

    [Fact]
    public void Assessment_rounds_give_mean_and_spread_per_criterion_and_flag_a_spread_of_two()
    {
        var report = AgreementsReportBuilder.Build(Counters.Collaboration, null, new(2026, 12, 31), [], new Dictionary<Guid, string>(), new Dictionary<Guid, Cell>(),
            [Score(1, 1, 2), Score(1, 1, 4), Score(1, 5, 3), Score(1, 5, 4), Score(2, 1, 4), Score(2, 1, 4)], ReportLanguage.Swedish, null);

        Assert.Equal([1, 2], report.Assessments.Select(r => r.Round));
        var first = report.Assessments[0].Criteria.ToDictionary(c => c.Criterion);
        Assert.Equal(3.0m, first["clear-purpose"].Mean);
        Assert.Equal(2, first["clear-purpose"].Spread);
        Assert.True(first["clear-purpose"].Divergent);
        Assert.False(first["openness-and-trust"].Divergent);
        Assert.Equal("tydligt och realistiskt syfte", first["clear-purpose"].Label);
        Assert.False(report.Assessments[1].Criteria.Single().Divergent);
    }
}

public sealed class EmployerEngagementBuilderTests
{
    [Theory]
    [InlineData(new[] { 3 }, 3)]
    [InlineData(new[] { 1, 5 }, 3)]
    [InlineData(new[] { 1, 2, 10 }, 2)]
    [InlineData(new[] { 4, 4, 9, 30 }, 6.5)]
    public void Median_days_come_from_the_histogram(int[] days, double median)
    {
        var histogram = days.GroupBy(d => d).Select(g => (g.Key, g.Count())).ToList();
        Assert.Equal((decimal)median, EmployerEngagementBuilder.Median(histogram));
    }

    [Fact]
    public void Contacts_offers_and_placements_are_counted_and_small_placement_counts_suppressed()
    {
        var agency = Guid.NewGuid();
        var employers = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var offers = new List<OfferFact>
        {
            new() { OfferId = Guid.NewGuid(), Kind = (int)OfferKind.Internship, Places = 3, Filled = true },
            new() { OfferId = Guid.NewGuid(), Kind = (int)OfferKind.Internship, Places = 2 },
            new() { OfferId = Guid.NewGuid(), Kind = (int)OfferKind.Job, Places = 1 },
        };
        var placements = Enumerable.Repeat(((int)OfferKind.Internship, (int)PipelineStage.Placed), 7)
            .Concat(Enumerable.Repeat(((int)OfferKind.Job, (int)PipelineStage.Employed), 2)).ToList();

        var report = EmployerEngagementBuilder.Build(new(2026, 12, 31), null, null, [(employers[0], agency), (employers[0], agency), (employers[1], agency)],
            new Dictionary<Guid, string> { [agency] = "AF Kalmar" }, offers, placements, [(10, 3)], ReportLanguage.Swedish, 5);

        Assert.Equal(2, report.EmployersContacted);
        Assert.Equal(3, Assert.Single(report.ContactsByAgency).Contacts);
        var internship = report.OffersByKind.Single(o => o.Kind == "internship");
        Assert.Equal((2, 5, 1), (internship.Offers, internship.Places, internship.Filled));
        var job = report.Placements.Single(p => p.Key == "job");
        Assert.True(job.Employed.Suppressed);
        Assert.True(report.PlacementTotals.Employed.Suppressed || report.PlacementTotals.Total.Suppressed);
        foreach (var row in report.Placements.Append(report.PlacementTotals))
            Assert.NotEqual(1, new[] { row.Placed, row.Employed, row.Total }.Count(c => c.Suppressed));
        Assert.True(report.DaysToFirstContact.Suppressed); // 3 participants
        Assert.Null(report.DaysToFirstContact.MedianDays);
    }
}
