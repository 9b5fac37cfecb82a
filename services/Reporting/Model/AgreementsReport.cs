using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Reporting.Model;

/// <summary>What each member promised (its latest signed agreement version) against what it delivered, and how the members rate the collaboration over time.</summary>
public sealed record AgreementsReport(
    Guid CollaborationId, string? Name, DateOnly AsOf, bool Exact, int? SuppressionThreshold,
    IReadOnlyList<ActorAgreement> Actors, IReadOnlyList<AssessmentRound> Assessments);

public sealed record ActorAgreement(
    Guid ActorId, string Name, Guid AgreementId, int Version, DateOnly ValidFrom, DateOnly ValidTo, DateOnly? TerminatedOn,
    IReadOnlyList<ContributionFigures> Contributions);

/// <summary>
/// One promise. <c>Delivered</c> where the platform can see it: participant referrals are the participants
/// enrolled with the actor as referrer (suppressed like every count of people); absent for other kinds.
/// </summary>
public sealed record ContributionFigures(string Kind, string Label, decimal Quantity, string Unit, Cell? Delivered, decimal? DeliveredPercent);

/// <summary>One assessment round: per criterion the members' mean score, its spread (max − min) and whether they diverge.</summary>
public sealed record AssessmentRound(int Round, DateOnly FirstSubmitted, DateOnly LastSubmitted, int Respondents, IReadOnlyList<CriterionFigures> Criteria);

/// <summary><c>Divergent</c>: the members' scores are two or more apart, a sign they do not share one picture (the lesson of "Hela kedjan").</summary>
public sealed record CriterionFigures(string Criterion, string Label, int Responses, decimal Mean, int Min, int Max, int Spread, bool Divergent);

public static class AgreementsReportBuilder
{
    public const int DivergentSpread = 2;

    /// <param name="referrals">Participants referred per actor, as the summary shows them (suppressed where it is).</param>
    public static AgreementsReport Build(
        Guid collaborationId, CollaborationFact? collaboration, DateOnly asOf, IEnumerable<AgreementVersion> versions, IReadOnlyDictionary<Guid, string> actorNames,
        IReadOnlyDictionary<Guid, Cell> referrals, IEnumerable<AssessmentScore> scores, ReportLanguage language, int? threshold)
    {
        var actors = versions
            .Where(v => DateOnly.FromDateTime(v.SignedAt.UtcDateTime) <= asOf)
            .GroupBy(v => v.AgreementId)
            .Select(g => g.MaxBy(v => v.Version)!)
            .OrderBy(v => actorNames.GetValueOrDefault(v.ActorId, ""), StringComparer.Ordinal)
            .Select(v => new ActorAgreement(v.ActorId, actorNames.GetValueOrDefault(v.ActorId, v.ActorId.ToString()), v.AgreementId, v.Version, v.ValidFrom, v.ValidTo,
                v.TerminatedOn, v.Contributions.Select(c =>
                {
                    var kind = (ContributionKind)c.Kind;
                    Cell? delivered = kind == ContributionKind.ParticipantReferrals ? referrals.GetValueOrDefault(v.ActorId, Cell.Shown(0)) : null;
                    decimal? percent = delivered?.Count is { } n && c.Quantity > 0 ? Math.Round(100m * n / c.Quantity, 1, MidpointRounding.AwayFromZero) : null;
                    return new ContributionFigures(KebabCaseEnum.Name(kind), Label(kind, language), c.Quantity, c.Unit, delivered, percent);
                }).ToList()))
            .ToList();

        var rounds = scores.Where(s => DateOnly.FromDateTime(s.SubmittedAt.UtcDateTime) <= asOf)
            .GroupBy(s => s.Round).OrderBy(g => g.Key)
            .Select(round => new AssessmentRound(round.Key,
                DateOnly.FromDateTime(round.Min(s => s.SubmittedAt).UtcDateTime), DateOnly.FromDateTime(round.Max(s => s.SubmittedAt).UtcDateTime),
                round.Select(s => s.ActorId).Distinct().Count(),
                round.GroupBy(s => s.Criterion).OrderBy(g => g.Key).Select(c =>
                {
                    int min = c.Min(s => s.Score), max = c.Max(s => s.Score);
                    var criterion = (AssessmentCriterion)c.Key;
                    return new CriterionFigures(KebabCaseEnum.Name(criterion), CriterionLabels.For(criterion, language), c.Count(),
                        Math.Round((decimal)c.Average(s => s.Score), 1, MidpointRounding.AwayFromZero), min, max, max - min, max - min >= DivergentSpread);
                }).ToList()))
            .ToList();
        return new AgreementsReport(collaborationId, collaboration?.Name, asOf, threshold is null, threshold, actors, rounds);
    }

    private static string Label(ContributionKind kind, ReportLanguage language) => (kind, language == ReportLanguage.Swedish) switch
    {
        (ContributionKind.StaffHours, true) => "personal (timmar)",
        (ContributionKind.Funding, true) => "pengar",
        (ContributionKind.Premises, true) => "lokaler",
        (ContributionKind.ParticipantReferrals, true) => "remitterade deltagare",
        (ContributionKind.Intervention, true) => "insats",
        (ContributionKind.Other, true) => "annat",
        _ => KebabCaseEnum.Name(kind).Replace('-', ' '),
    };
}

/// <summary>Short labels of the programme criteria and success factors.</summary>
public static class CriterionLabels
{
    public static string For(AssessmentCriterion criterion, ReportLanguage language) => language == ReportLanguage.Swedish
        ? criterion switch
        {
            AssessmentCriterion.ClearPurpose => "tydligt och realistiskt syfte",
            AssessmentCriterion.RightActors => "rätt aktörer involverade",
            AssessmentCriterion.Agreements => "överenskommelser om bidrag",
            AssessmentCriterion.Mandate => "mandat att fatta beslut",
            AssessmentCriterion.OpennessAndTrust => "öppenhet och tillit",
            AssessmentCriterion.GenderEqualInfluence => "kvinnor och män kan påverka lika",
            AssessmentCriterion.ChangesOwnOrganisations => "förändrar de egna organisationerna",
            AssessmentCriterion.TargetGroupInfluence => "målgrupperna kan delta och påverka",
            AssessmentCriterion.TimeAndResources => "tid och resurser för samverkan",
            AssessmentCriterion.ManagementPriority => "prioriterad av ledningen",
            AssessmentCriterion.AnchoredAtEveryLevel => "förankrad på alla nivåer",
            AssessmentCriterion.ClearRoles => "tydligt ansvar, roller och mandat",
            AssessmentCriterion.SharedViewOfGoals => "gemensam syn på målen",
            AssessmentCriterion.JointCompetenceDevelopment => "gemensam kompetensutveckling",
            AssessmentCriterion.ResourcesSetAside => "avsatta resurser",
            _ => KebabCaseEnum.Name(criterion),
        }
        : KebabCaseEnum.Name(criterion).Replace('-', ' ');
}
