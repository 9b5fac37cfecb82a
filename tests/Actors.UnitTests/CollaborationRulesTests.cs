using Samverkan.Actors.Apis;

namespace Samverkan.Actors.UnitTests;

public sealed class CollaborationRulesTests
{
    private static TargetsRequest Measurable() => new()
    {
        Participants = new ParticipantTargetsRequest { Total = 437, Women = 200, Men = 230, NonBinary = 7 },
        ExitToWorkOrStudiesShare = 60,
        Indicators = [new IndicatorRequest { Name = "Employer agreements", TargetValue = 12, Unit = "agreements" }],
    };

    private static Dictionary<string, string[]> Targets(TargetsRequest? targets)
    {
        var errors = new Dictionary<string, string[]>();
        CollaborationRules.Targets(targets, errors);
        return errors;
    }

    [Fact]
    public void Fully_specified_targets_are_measurable() => Assert.Empty(Targets(Measurable()));

    [Fact]
    public void Indicator_without_a_target_value_is_refused_naming_the_field_and_the_reason()
    {
        var errors = Targets(Measurable() with { Indicators = [new IndicatorRequest { Name = "Ready for the next step", Unit = "%" }] });
        var message = Assert.Single(errors["targets.indicators[0].targetValue"]);
        Assert.Contains("cannot be measured", message);
    }

    [Fact]
    public void Indicator_without_a_unit_is_refused()
    {
        var errors = Targets(Measurable() with { Indicators = [new IndicatorRequest { Name = "Validations", TargetValue = 50, Unit = " " }] });
        Assert.Contains("cannot be measured", Assert.Single(errors["targets.indicators[0].unit"]));
    }

    [Fact]
    public void Indicator_without_a_name_says_it_must_say_what_it_measures()
    {
        var errors = Targets(Measurable() with { Indicators = [new IndicatorRequest { TargetValue = 5, Unit = "st" }] });
        Assert.True(errors.ContainsKey("targets.indicators[0].name"));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.5)]
    public void Exit_share_outside_0_to_100_percent_is_refused(double share)
    {
        var errors = Targets(Measurable() with { ExitToWorkOrStudiesShare = (decimal)share });
        Assert.True(errors.ContainsKey("targets.exitToWorkOrStudiesShare"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Exit_share_bounds_are_inclusive(double share) =>
        Assert.Empty(Targets(Measurable() with { ExitToWorkOrStudiesShare = (decimal)share }));

    [Fact]
    public void Missing_exit_share_cannot_be_measured() =>
        Assert.Contains("cannot be measured", Assert.Single(Targets(Measurable() with { ExitToWorkOrStudiesShare = null })["targets.exitToWorkOrStudiesShare"]));

    [Fact]
    public void Participant_volume_needs_total_women_and_men()
    {
        var errors = Targets(Measurable() with { Participants = new ParticipantTargetsRequest { Total = 100 } });
        Assert.True(errors.ContainsKey("targets.participants.women"));
        Assert.True(errors.ContainsKey("targets.participants.men"));
        Assert.False(errors.ContainsKey("targets.participants.total"));
    }

    [Fact]
    public void Gender_targets_cannot_add_up_to_more_than_the_total()
    {
        var errors = Targets(Measurable() with { Participants = new ParticipantTargetsRequest { Total = 100, Women = 60, Men = 50 } });
        Assert.Contains("add up to more than the total", Assert.Single(errors["targets.participants.total"]));
    }

    [Fact]
    public void Negative_counts_are_refused()
    {
        var errors = Targets(Measurable() with { Participants = new ParticipantTargetsRequest { Total = 10, Women = -1, Men = 5, NonBinary = -2 } });
        Assert.True(errors.ContainsKey("targets.participants.women"));
        Assert.True(errors.ContainsKey("targets.participants.nonBinary"));
    }

    [Fact]
    public void No_targets_at_all_is_refused() => Assert.True(Targets(null).ContainsKey("targets"));

    [Fact]
    public void End_before_start_is_refused_on_the_end_date()
    {
        var errors = new Dictionary<string, string[]>();
        CollaborationRules.Period(new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 31), errors);
        Assert.Contains("before the start date", Assert.Single(errors["endDate"]));
    }

    [Fact]
    public void A_one_day_period_is_valid()
    {
        var errors = new Dictionary<string, string[]>();
        CollaborationRules.Period(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Missing_dates_are_named()
    {
        var errors = new Dictionary<string, string[]>();
        CollaborationRules.Period(null, null, errors);
        Assert.True(errors.ContainsKey("startDate"));
        Assert.True(errors.ContainsKey("endDate"));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(2_500_000, false)]
    public void Budget_must_be_zero_or_more(double budget, bool refused)
    {
        var errors = new Dictionary<string, string[]>();
        CollaborationRules.Financing(new FinancingRequest { Source = Contracts.Actors.FinancingSource.EsfPlus, Budget = (decimal)budget }, errors);
        Assert.Equal(refused, errors.ContainsKey("financing.budget"));
    }
}
