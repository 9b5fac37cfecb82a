using Samverkan.Actors.Apis;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;

namespace Samverkan.Actors.UnitTests;

public sealed class CoFinancingRulesTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid LeftIn2026 = Guid.NewGuid();

    private static Collaboration Collaboration()
    {
        var c = new Collaboration
        {
            Id = Guid.NewGuid(), Name = "FSLA", Purpose = "Arbete", OwnerActorId = Owner, StartDate = new(2026, 1, 1), EndDate = new(2027, 12, 31),
            Financing = new Financing { Source = FinancingSource.EsfPlus, Budget = 1 },
            Targets = new MeasurableTargets { Participants = new ParticipantTargets { Total = 1, Women = 0, Men = 0 }, ExitToWorkOrStudiesShare = 60 },
        };
        c.Members.Add(new CollaborationMember { Id = Guid.NewGuid(), CollaborationId = c.Id, ActorId = Owner, Role = MemberRole.Owner, JoinedOn = c.StartDate });
        c.Members.Add(new CollaborationMember { Id = Guid.NewGuid(), CollaborationId = c.Id, ActorId = Partner, Role = MemberRole.Partner, JoinedOn = c.StartDate });
        c.Members.Add(new CollaborationMember
        {
            Id = Guid.NewGuid(), CollaborationId = c.Id, ActorId = LeftIn2026, Role = MemberRole.Partner, JoinedOn = c.StartDate, LeftOn = new(2026, 6, 30),
        });
        return c;
    }

    private static CoFinancingLineRequest Valid() => new() { Year = 2026, ActorId = Partner, BenefitType = BenefitType.ActivitySupport, Hours = 1200 };

    private static Dictionary<string, string[]> Errors(params CoFinancingLineRequest?[] lines) =>
        CoFinancingRules.Validate(new CoFinancingPlanRequest { Lines = lines.Select(l => l!).ToList() } /* a JSON null entry */, Collaboration());

    [Fact]
    public void A_plan_in_hours_and_in_amounts_of_members_within_the_period_is_valid() =>
        Assert.Empty(Errors(Valid(), Valid() with { Year = 2027, ActorId = Owner, BenefitType = BenefitType.FinancialAssistance, Hours = null, Amount = 90_000, HourlyValue = 150 },
            Valid() with { ActorId = LeftIn2026 }));

    public static TheoryData<CoFinancingLineRequest, string> Faults => new()
    {
        { Valid() with { Year = 2028 }, "lines[0].year" },
        { Valid() with { ActorId = Guid.NewGuid() }, "lines[0].actorId" },
        { Valid() with { Year = 2027, ActorId = LeftIn2026 }, "lines[0].actorId" },
        { Valid() with { Hours = -1 }, "lines[0].hours" },
        { Valid() with { Hours = null }, "lines[0].hours" },
        { Valid() with { Amount = 1000, HourlyValue = 100 }, "lines[0].amount" },
        { Valid() with { Hours = null, Amount = -5, HourlyValue = 100 }, "lines[0].amount" },
        { Valid() with { Hours = null, Amount = 1000 }, "lines[0].hourlyValue" },
        { Valid() with { Hours = null, Amount = 1000, HourlyValue = 0 }, "lines[0].hourlyValue" },
        { Valid() with { HourlyValue = -150 }, "lines[0].hourlyValue" },
    };

    [Theory, MemberData(nameof(Faults))]
    public void Each_fault_is_named_by_its_field(CoFinancingLineRequest line, string field) =>
        Assert.Equal([field], Errors(line).Keys);

    [Fact]
    public void The_same_year_actor_and_benefit_twice_is_named_at_the_second_line() =>
        Assert.Equal(["lines[1]"], Errors(Valid(), Valid() with { Hours = 5 }).Keys);

    [Fact]
    public void An_empty_entry_is_named() => Assert.Equal(["lines[1]"], Errors(Valid(), null).Keys);
}

public sealed class CoFinancingPeriodTests
{
    private static CoFinancingLine Line(int year) => new() { Year = year, ActorId = Guid.NewGuid(), BenefitType = BenefitType.ActivitySupport, Hours = 10 };

    [Fact]
    public void A_period_that_still_holds_every_planned_year_is_valid() =>
        Assert.Empty(CoFinancingRules.PeriodErrors([Line(2026), Line(2027)], new(2026, 6, 1), new(2027, 1, 31)));

    [Fact]
    public void A_period_cutting_off_planned_years_names_the_date_that_cuts_them()
    {
        var errors = CoFinancingRules.PeriodErrors([Line(2025), Line(2026), Line(2028)], new(2026, 1, 1), new(2027, 12, 31));

        Assert.Equal(["endDate", "startDate"], errors.Keys.Order());
        Assert.Contains("2028", errors["endDate"][0]);
    }
}
