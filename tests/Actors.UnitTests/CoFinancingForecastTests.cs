using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;

namespace Samverkan.Actors.UnitTests;

/// <summary>The forecast rule (<see cref="CoFinancingForecast.Rule"/>) and the attribution of hours to plan lines.</summary>
public sealed class CoFinancingForecastTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2027, 12, 31);
    /// <summary>Mid-July: January to June are over, July is not.</summary>
    private static readonly DateOnly AsOf = new(2026, 7, 15);
    private static readonly Guid Af = Guid.NewGuid();
    private static readonly Guid Municipality = Guid.NewGuid();

    private static CoFinancingLine Line(Guid actor, BenefitType benefit, decimal hours, int year = 2026) =>
        new() { Year = year, ActorId = actor, BenefitType = benefit, Hours = hours };

    private static IEnumerable<RecordedMonth> Monthly(int year, int fromMonth, int toMonth, BenefitType? benefit, decimal hours) =>
        Enumerable.Range(fromMonth, toMonth - fromMonth + 1).Select(m => new RecordedMonth(new DateOnly(year, m, 1), benefit, hours));

    private static CoFinancingActorYear Only(CoFinancingForecastResult result, int year = 2026) =>
        Assert.Single(Assert.Single(result.Years, y => y.Year == year).Actors);

    [Fact]
    public void At_the_planned_pace_the_forecast_meets_the_plan_and_nothing_is_behind()
    {
        var result = CoFinancingForecast.Evaluate(Start, End, [Line(Af, BenefitType.ActivitySupport, 1200)],
            Monthly(2026, 1, 6, BenefitType.ActivitySupport, 100), AsOf, 0.10m);

        var actor = Only(result);
        Assert.Equal((6, 12), (actor.MonthsOver, actor.MonthsInWindow));
        Assert.Equal(100m, actor.MonthlyPace);
        Assert.Equal(1200m, actor.ForecastHours);
        Assert.Equal(0m, actor.ShortfallShare);
        Assert.False(actor.BehindPlan);
    }

    [Fact]
    public void Falling_behind_by_a_fifth_forecasts_a_shortfall_of_a_fifth_and_is_behind_plan()
    {
        var result = CoFinancingForecast.Evaluate(Start, End, [Line(Af, BenefitType.ActivitySupport, 1200)],
            Monthly(2026, 1, 6, BenefitType.ActivitySupport, 80), AsOf, 0.10m);

        var actor = Only(result);
        Assert.Equal(480m, actor.RecordedHours);
        Assert.Equal(960m, actor.ForecastHours); // 480 + 6 months × 80
        Assert.Equal(0.2m, actor.ShortfallShare);
        Assert.True(actor.BehindPlan);
        Assert.Equal(80m, actor.Months.Single(m => m.Month == new DateOnly(2026, 3, 1)).Hours);
        Assert.Equal(0m, actor.Months.Single(m => m.Month == new DateOnly(2026, 9, 1)).Hours);
    }

    [Fact]
    public void A_shortfall_of_exactly_the_set_share_is_not_yet_behind_plan()
    {
        var actor = Only(CoFinancingForecast.Evaluate(Start, End, [Line(Af, BenefitType.ActivitySupport, 1000)],
            Monthly(2026, 1, 6, BenefitType.ActivitySupport, 75), AsOf, 0.10m)); // forecast 900: 10 % short

        Assert.Equal(0.1m, actor.ShortfallShare);
        Assert.False(actor.BehindPlan);
    }

    [Fact]
    public void A_month_not_yet_over_counts_at_what_is_recorded_when_that_is_more_than_the_pace()
    {
        var recorded = Monthly(2026, 1, 6, BenefitType.ActivitySupport, 80).Append(new(new DateOnly(2026, 7, 1), BenefitType.ActivitySupport, 300));

        var actor = Only(CoFinancingForecast.Evaluate(Start, End, [Line(Af, BenefitType.ActivitySupport, 1200)], recorded, AsOf, 0.10m));

        Assert.Equal(1180m, actor.ForecastHours); // 480 + 300 (July) + 5 × 80
        Assert.False(actor.BehindPlan);
    }

    [Fact]
    public void Before_any_month_is_over_there_is_no_forecast_and_no_warning()
    {
        var actor = Only(CoFinancingForecast.Evaluate(Start, End, [Line(Af, BenefitType.ActivitySupport, 1200)],
            [], new DateOnly(2026, 1, 20), 0.10m));

        Assert.Null(actor.ForecastHours);
        Assert.Null(actor.ShortfallShare);
        Assert.False(actor.BehindPlan);
    }

    [Fact]
    public void A_year_is_cut_to_the_collaborations_period_and_a_year_gone_by_forecasts_what_was_recorded()
    {
        var start = new DateOnly(2026, 9, 15);
        var result = CoFinancingForecast.Evaluate(start, End, [Line(Af, BenefitType.ActivitySupport, 400)],
            Monthly(2026, 9, 12, BenefitType.ActivitySupport, 90), new DateOnly(2027, 3, 1), 0.10m);

        var year = Assert.Single(result.Years);
        Assert.Equal((start, new DateOnly(2026, 12, 31)), (year.From, year.To));
        var actor = Assert.Single(year.Actors);
        Assert.Equal((4, 4), (actor.MonthsOver, actor.MonthsInWindow));
        Assert.Equal(360m, actor.ForecastHours);
        Assert.Equal(0.1m, actor.ShortfallShare);
    }

    [Fact]
    public void An_amount_is_planned_hours_at_its_hourly_value()
    {
        var line = new CoFinancingLine { Year = 2026, ActorId = Municipality, BenefitType = BenefitType.FinancialAssistance, Amount = 180_000, HourlyValue = 150 };

        var actor = Only(CoFinancingForecast.Evaluate(Start, End, [line], Monthly(2026, 1, 6, BenefitType.FinancialAssistance, 100), AsOf, 0.10m));

        Assert.Equal(1200m, actor.PlannedHours);
        Assert.False(actor.BehindPlan);
    }

    [Fact]
    public void Hours_go_to_the_lines_of_their_benefit_shared_by_planned_hours_and_the_rest_is_unattributed()
    {
        var lines = new[]
        {
            Line(Af, BenefitType.ActivitySupport, 300), Line(Municipality, BenefitType.ActivitySupport, 100),
            Line(Municipality, BenefitType.FinancialAssistance, 500),
        };
        var march = new DateOnly(2026, 3, 1);
        RecordedMonth[] recorded =
        [
            new(march, BenefitType.ActivitySupport, 40), new(march, BenefitType.FinancialAssistance, 7),
            new(march, null, 5), new(march, BenefitType.SicknessBenefit, 3), new(new DateOnly(2028, 1, 1), BenefitType.ActivitySupport, 9),
        ];

        var result = CoFinancingForecast.Evaluate(Start, End, lines, recorded, AsOf, 0.10m);

        var actors = Assert.Single(result.Years).Actors;
        Assert.Equal(30m, actors.Single(a => a.ActorId == Af).RecordedHours);
        var municipality = actors.Single(a => a.ActorId == Municipality);
        Assert.Equal(17m, municipality.RecordedHours); // 10 of the shared activity support, 7 of its own benefit
        Assert.Equal(10m, municipality.Lines.Single(l => l.BenefitType == BenefitType.ActivitySupport).RecordedHours);
        Assert.Equal(
            [(march, (BenefitType?)null, 5m), (march, BenefitType.SicknessBenefit, 3m), (new DateOnly(2028, 1, 1), BenefitType.ActivitySupport, 9m)],
            result.Unattributed.Select(u => (u.Month, u.Benefit, u.Hours)).ToList());
    }

    [Fact]
    public void Governance_warns_about_the_actor_behind_plan_and_not_the_one_on_track()
    {
        var owner = Guid.NewGuid();
        var collaboration = new Collaboration
        {
            Id = Guid.NewGuid(), Name = "FSLA", Purpose = "Arbete", OwnerActorId = owner, StartDate = Start, EndDate = End,
            Financing = new Financing { Source = FinancingSource.EsfPlus, Budget = 1 },
            Targets = new MeasurableTargets { Participants = new ParticipantTargets { Total = 1, Women = 0, Men = 0 }, ExitToWorkOrStudiesShare = 60 },
        };
        var forecast = CoFinancingForecast.Evaluate(Start, End,
            [Line(Af, BenefitType.ActivitySupport, 1200), Line(Municipality, BenefitType.FinancialAssistance, 600)],
            Monthly(2026, 1, 6, BenefitType.ActivitySupport, 70).Concat(Monthly(2026, 1, 6, BenefitType.FinancialAssistance, 50)), AsOf, 0.10m);

        var warnings = GovernanceWarnings.Evaluate(collaboration, null, [], new DateOnly(2025, 12, 1), new GovernanceOptions(), forecast);

        var warning = Assert.Single(warnings);
        Assert.Equal((GovernanceWarningKind.CoFinancingBehindPlan, Af, 2026), (warning.Kind, warning.ActorId, warning.Year));
        Assert.Equal("Medfinansieringen 2026 ligger efter plan: prognosen är 840 timmar av planerade 1200 (30 % under).", warning.Message.Sv);
    }
}
