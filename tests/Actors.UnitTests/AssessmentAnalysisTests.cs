using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.UnitTests;

public sealed class AssessmentAnalysisTests
{
    private static readonly AssessmentOptions Defaults = new();
    private static readonly Guid Collaboration = Guid.NewGuid();

    [Theory]
    [InlineData(new[] { 2, 4 }, true)]
    [InlineData(new[] { 1, 5, 3 }, true)]
    [InlineData(new[] { 3, 4 }, false)]
    [InlineData(new[] { 4, 4, 4 }, false)]
    public void Divergent_when_spread_reaches_two_points(int[] scores, bool divergent) =>
        Assert.Equal(divergent, AssessmentAnalysis.IsDivergent(scores, Defaults));

    [Fact]
    public void One_answer_alone_is_never_divergent() =>
        Assert.False(AssessmentAnalysis.IsDivergent([1], new AssessmentOptions { DivergentSpread = 0, DivergentMinAnswers = 1 }));

    [Fact]
    public void Divergence_threshold_and_minimum_answers_come_from_options()
    {
        Assert.False(AssessmentAnalysis.IsDivergent([2, 4], new AssessmentOptions { DivergentSpread = 3 }));
        Assert.True(AssessmentAnalysis.IsDivergent([2, 3], new AssessmentOptions { DivergentSpread = 1 }));
        Assert.False(AssessmentAnalysis.IsDivergent([1, 5], new AssessmentOptions { DivergentMinAnswers = 3 }));
    }

    [Theory]
    [InlineData(3.5, 3.0, true)]   // exactly the threshold
    [InlineData(4.0, 3.6, false)]  // a drop smaller than 0.5
    [InlineData(3.0, 4.0, false)]  // rising
    public void Falling_when_the_mean_drops_by_the_configured_amount(double previous, double mean, bool falling) =>
        Assert.Equal(falling, AssessmentAnalysis.IsFalling(previous, mean, Defaults));

    [Fact]
    public void Nothing_falls_in_the_first_round() =>
        Assert.False(AssessmentAnalysis.IsFalling(null, 1, Defaults));

    [Fact]
    public void Falling_threshold_comes_from_options() =>
        Assert.False(AssessmentAnalysis.IsFalling(4.0, 3.0, new AssessmentOptions { FallingDrop = 1.5 }));

    [Fact]
    public void Summary_gives_mean_spread_population_standard_deviation_and_count()
    {
        var summary = AssessmentAnalysis.Summarise([Round(1)],
            [Answers(1, (AssessmentCriterion.ClearPurpose, 2)), Answers(1, (AssessmentCriterion.ClearPurpose, 4)), Answers(1, (AssessmentCriterion.Mandate, 5))],
            Defaults);

        var round = Assert.Single(summary);
        Assert.Equal(3, round.Respondents);
        var purpose = round.Criteria.Single(c => c.Criterion == AssessmentCriterion.ClearPurpose);
        Assert.Equal((2, 3.0, 2, 1.0), (purpose.Answers, purpose.Mean, purpose.Spread, purpose.StandardDeviation));
        Assert.True(purpose.Divergent);
        var mandate = round.Criteria.Single(c => c.Criterion == AssessmentCriterion.Mandate);
        Assert.Equal((1, 5.0, 0, 0.0, false), (mandate.Answers, mandate.Mean, mandate.Spread, mandate.StandardDeviation, mandate.Divergent));
        Assert.DoesNotContain(round.Criteria, c => c.Criterion == AssessmentCriterion.RightActors); // nobody rated it
    }

    [Fact]
    public void A_criterion_falls_between_consecutive_rounds_only()
    {
        var summary = AssessmentAnalysis.Summarise([Round(1), Round(2), Round(3)],
        [
            Answers(1, (AssessmentCriterion.SharedViewOfGoals, 4), (AssessmentCriterion.Mandate, 5)),
            Answers(2, (AssessmentCriterion.SharedViewOfGoals, 3)),
            Answers(3, (AssessmentCriterion.SharedViewOfGoals, 3), (AssessmentCriterion.Mandate, 2)),
        ], Defaults);

        var goals = summary.Select(r => r.Criteria.Single(c => c.Criterion == AssessmentCriterion.SharedViewOfGoals)).ToList();
        Assert.Equal([false, true, false], goals.Select(g => g.Falling));
        Assert.Equal(-1.0, goals[1].ChangeFromPreviousRound);
        // Mandate was not rated in round 2, so round 3 has no consecutive mean to fall from.
        var mandate = summary[2].Criteria.Single(c => c.Criterion == AssessmentCriterion.Mandate);
        Assert.False(mandate.Falling);
        Assert.Null(mandate.ChangeFromPreviousRound);
    }

    private static AssessmentRound Round(int number) =>
        new() { Id = Guid.NewGuid(), CollaborationId = Collaboration, Number = number, HeldOn = new DateOnly(2026, 1, 1).AddMonths(number * 3) };

    private static AssessmentSubmission Answers(int round, params (AssessmentCriterion Criterion, int Score)[] scores) => new()
    {
        Id = Guid.NewGuid(), CollaborationId = Collaboration, Round = round, ActorId = Guid.NewGuid(),
        Answers = scores.Select(s => new CriterionAnswer { Criterion = s.Criterion, Score = s.Score }).ToList(),
    };
}
