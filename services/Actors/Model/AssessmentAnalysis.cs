using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Model;

public sealed record CriterionStatistics(
    AssessmentCriterion Criterion, int Answers, double Mean, int Spread, double StandardDeviation,
    double? ChangeFromPreviousRound, bool Divergent, bool Falling);

public sealed record RoundStatistics(int Round, DateOnly HeldOn, int Respondents, IReadOnlyList<CriterionStatistics> Criteria);

/// <summary>
/// The assessment's arithmetic and its two warnings. <b>Divergent</b>: the actors do not share one picture
/// (why "Hela kedjan till arbete" failed): spread max − min ≥ <see cref="AssessmentOptions.DivergentSpread"/>
/// with at least <see cref="AssessmentOptions.DivergentMinAnswers"/> answers. <b>Falling</b>: the mean dropped
/// by ≥ <see cref="AssessmentOptions.FallingDrop"/> since the round just before, when both rounds rated it.
/// The standard deviation is the population one: the answering actors are the whole group, not a sample.
/// </summary>
public static class AssessmentAnalysis
{
    public static bool IsDivergent(IReadOnlyCollection<int> scores, AssessmentOptions options) =>
        scores.Count >= Math.Max(2, options.DivergentMinAnswers) && scores.Max() - scores.Min() >= options.DivergentSpread;

    /// <summary>Compared with a tolerance: means of small integers (3.5 → 3.0) must count as a drop of exactly 0.5.</summary>
    public static bool IsFalling(double? previousMean, double mean, AssessmentOptions options) =>
        previousMean is { } previous && previous - mean >= options.FallingDrop - 1e-9;

    public static IReadOnlyList<RoundStatistics> Summarise(
        IEnumerable<AssessmentRound> rounds, IEnumerable<AssessmentSubmission> submissions, AssessmentOptions options)
    {
        var byRound = submissions.GroupBy(s => s.Round).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<RoundStatistics>();
        Dictionary<AssessmentCriterion, double> previousMeans = [];
        foreach (var round in rounds.OrderBy(r => r.Number))
        {
            var answers = byRound.GetValueOrDefault(round.Number) ?? [];
            var criteria = new List<CriterionStatistics>();
            var means = new Dictionary<AssessmentCriterion, double>();
            foreach (var criterion in Enum.GetValues<AssessmentCriterion>())
            {
                var scores = answers.SelectMany(s => s.Answers).Where(a => a.Criterion == criterion).Select(a => a.Score).ToList();
                if (scores.Count == 0)
                    continue;
                var mean = scores.Average();
                means[criterion] = mean;
                double? previous = previousMeans.TryGetValue(criterion, out var p) ? p : null;
                criteria.Add(new CriterionStatistics(
                    criterion, scores.Count, Math.Round(mean, 2), scores.Max() - scores.Min(), Math.Round(StandardDeviation(scores, mean), 2),
                    previous is null ? null : Math.Round(mean - previous.Value, 2),
                    IsDivergent(scores, options), IsFalling(previous, mean, options)));
            }
            result.Add(new RoundStatistics(round.Number, round.HeldOn, answers.Count, criteria));
            // Consecutive rounds: a criterion nobody rated in this round has no mean to fall from in the next.
            previousMeans = means;
        }
        return result;
    }

    private static double StandardDeviation(IReadOnlyCollection<int> scores, double mean) =>
        Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Count);
}
