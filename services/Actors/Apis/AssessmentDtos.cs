using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Actors.Apis;

public sealed record CreateAssessmentRoundRequest
{
    /// <summary>When the round is held; not before the previous round.</summary>
    [Required, PlausibleDate]
    public DateOnly? HeldOn { get; init; }
}

public sealed record AssessmentRoundResponse(int Number, DateOnly HeldOn, DateTimeOffset CreatedAt)
{
    public static AssessmentRoundResponse From(AssessmentRound r) => new(r.Number, r.HeldOn, r.CreatedAt);
}

/// <summary>
/// One member actor's answers for a round. Any non-empty subset of the fifteen criteria, each at most once:
/// an actor leaves out what it cannot judge rather than guessing, and the statistics count only answers given.
/// </summary>
public sealed record SubmitAssessmentRequest
{
    /// <summary>The member actor answering; defaults to the caller's agency.</summary>
    public Guid? ActorId { get; init; }

    [Required, MinLength(1), MaxLength(15)]
    public List<CriterionAnswerRequest>? Answers { get; init; }
}

public sealed record CriterionAnswerRequest
{
    [Required]
    public AssessmentCriterion? Criterion { get; init; }

    /// <summary>1 (not at all) to 5 (fully).</summary>
    [Required]
    public int? Score { get; init; }

    [StringLength(2000)]
    public string? Comment { get; init; }
}

public sealed record AssessmentSubmissionResponse(int Round, Guid ActorId, IReadOnlyList<CriterionAnswer> Answers, DateTimeOffset SubmittedAt)
{
    public static AssessmentSubmissionResponse From(AssessmentSubmission s) => new(s.Round, s.ActorId, s.Answers, s.SubmittedAt);
}

public sealed record CriterionDescription(AssessmentCriterion Criterion, Label Label);

public sealed record AssessmentResponse(Guid CollaborationId, AssessmentOptions Thresholds, IReadOnlyList<RoundSummary> Rounds);

public sealed record RoundSummary(int Round, DateOnly HeldOn, int Respondents, IReadOnlyList<CriterionSummary> Criteria)
{
    public static RoundSummary From(RoundStatistics r) => new(r.Round, r.HeldOn, r.Respondents, r.Criteria.Select(c => new CriterionSummary(
        c.Criterion, CriterionLabels.For(c.Criterion), c.Answers, c.Mean, c.Spread, c.StandardDeviation, c.ChangeFromPreviousRound,
        c.Divergent, c.Falling)).ToList());
}

public sealed record CriterionSummary(
    AssessmentCriterion Criterion, Label Label, int Answers, double Mean, int Spread, double StandardDeviation,
    double? ChangeFromPreviousRound, bool Divergent, bool Falling);

/// <summary>Rules across the answers, as a pure function returning errors keyed by the field at fault.</summary>
public static class AssessmentRules
{
    public static Dictionary<string, string[]> Validate(SubmitAssessmentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var seen = new HashSet<AssessmentCriterion>();
        for (var i = 0; i < (request.Answers?.Count ?? 0); i++)
        {
            var answer = request.Answers![i];
            if (answer is null)
            {
                errors[$"answers[{i}]"] = ["An empty answer."];
                continue;
            }
            if (answer.Score is < 1 or > 5)
                errors[$"answers[{i}].score"] = ["A score is from 1 (not at all) to 5 (fully)."];
            if (answer.Criterion is { } criterion && !seen.Add(criterion))
                errors[$"answers[{i}].criterion"] = ["This criterion is answered twice; give one score per criterion."];
        }
        return errors;
    }

    public static List<CriterionAnswer> ToModel(SubmitAssessmentRequest request) => request.Answers!
        .Select(a => new CriterionAnswer
        {
            Criterion = a.Criterion!.Value, Score = a.Score!.Value,
            Comment = string.IsNullOrWhiteSpace(a.Comment) ? null : a.Comment.Trim(),
        })
        .OrderBy(a => a.Criterion).ToList();
}
