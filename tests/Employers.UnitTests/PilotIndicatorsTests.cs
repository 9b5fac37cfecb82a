using Samverkan.Employers.Model;

namespace Samverkan.Employers.UnitTests;

public sealed class PilotIndicatorsTests
{
    private static readonly Guid Af = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    private static readonly Guid P1 = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid P2 = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid P3 = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly DateOnly From = new(2026, 3, 1);
    private static readonly DateOnly To = new(2026, 3, 28); // four weeks

    private static PipelineFacts Pipe(Guid? participant, string pilot, DateOnly proposed, DateOnly? presented = null, DateOnly? placed = null,
        DateOnly? employed = null, DateOnly? ended = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), participant, pilot, Af, proposed, presented, placed, employed, ended);

    [Fact]
    public void Indicators_per_pilot_from_the_pipelines_themselves()
    {
        var placedPipe = Guid.NewGuid();
        var pipelines = new[]
        {
            Pipe(P1, "anna", new(2026, 3, 2), presented: new(2026, 3, 5), placed: new(2026, 1, 1), id: placedPipe),
            Pipe(P1, "anna", new(2026, 3, 3), presented: new(2026, 3, 10), ended: new(2026, 3, 20)),
            Pipe(P2, "anna", new(2026, 3, 4)),
            Pipe(P3, "anna", new(2026, 2, 1), ended: new(2026, 2, 10)),
            Pipe(P3, "bo", new(2026, 3, 1), presented: new(2026, 3, 2)),
        };
        var support = new[]
        {
            new SupportFacts(placedPipe, new(2026, 3, 15), SupportParty.Employer, "anna"),
            new SupportFacts(placedPipe, new(2026, 3, 16), SupportParty.Participant, "anna"),
            new SupportFacts(placedPipe, new(2026, 1, 20), SupportParty.Employer, "anna"),
        };
        var starts = new Dictionary<Guid, DateOnly> { [P1] = new(2026, 2, 23), [P3] = new(2026, 1, 1) };

        var rows = PilotIndicators.Compute(pipelines, support, starts, From, To);

        var anna = Assert.Single(rows, r => r.Pilot == "anna");
        Assert.Equal(2, anna.Caseload); // P1 (the placed pipeline) and P2; P3's ended in February
        Assert.Equal(3, anna.EmployerContacts); // two presentations + one employer support contact in March
        Assert.Equal(0.75m, anna.EmployerContactsPerWeek);
        Assert.Equal(1, anna.ParticipantsWithFirstEmployerContact); // P1, first presented 5 March
        Assert.Equal(10m, anna.AverageDaysEnrolmentToFirstEmployerContact); // 23 Feb → 5 Mar
        Assert.Equal(2, anna.ParticipantsProposed); // P1, P2 (P3's was in February)
        Assert.Equal(1, anna.ParticipantsPlaced);
        Assert.Equal(0.5m, anna.SharePlaced);
        // Placement from 1 Jan: months ending 28 Feb... only those ending in March count: 1 Mar–31 Mar has not ended by 28 Mar.
        Assert.Equal((0, 0), (anna.FollowUpMonthsCovered, anna.FollowUpMonths));

        var bo = Assert.Single(rows, r => r.Pilot == "bo");
        Assert.Equal(1, bo.Caseload);
        Assert.Equal(60m, bo.AverageDaysEnrolmentToFirstEmployerContact); // 1 Jan → 2 Mar: 31 + 28 + 1
        Assert.Null(bo.FollowUpCoverage);
    }

    [Fact]
    public void Follow_up_coverage_sums_the_months_of_every_placement()
    {
        var a = Guid.NewGuid();
        var pipelines = new[] { Pipe(P1, "anna", new(2026, 1, 1), placed: new(2026, 1, 1), id: a) };
        var support = new[] { new SupportFacts(a, new(2026, 1, 10), SupportParty.Participant, "anna"), new SupportFacts(a, new(2026, 3, 10), SupportParty.Employer, "anna") };

        var row = Assert.Single(PilotIndicators.Compute(pipelines, support, new Dictionary<Guid, DateOnly>(), new(2026, 1, 1), new(2026, 3, 31)));

        Assert.Equal((2, 3), (row.FollowUpMonthsCovered, row.FollowUpMonths));
        Assert.Equal(0.667m, row.FollowUpCoverage);
    }

    [Fact]
    public void An_erased_participant_still_counts_under_its_pipeline()
    {
        var row = Assert.Single(PilotIndicators.Compute([Pipe(null, "anna", new(2026, 3, 2))], [], new Dictionary<Guid, DateOnly>(), From, To));
        Assert.Equal(1, row.Caseload);
        Assert.Equal(1, row.ParticipantsProposed);
    }
}
