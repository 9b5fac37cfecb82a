using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Model;

/// <summary>A text for people to read, in Swedish (what users read) and English.</summary>
public sealed record Label(string Sv, string En);

/// <summary>The criteria as the programme criteria and the success factors word them (seeds/).</summary>
public static class CriterionLabels
{
    public static Label For(AssessmentCriterion criterion) => criterion switch
    {
        AssessmentCriterion.ClearPurpose => new("Finns ett tydligt och realistiskt syfte med samverkan?", "Is there a clear and realistic purpose for the collaboration?"),
        AssessmentCriterion.RightActors => new("Är rätt aktörer och organisationer involverade?", "Are the right actors and organisations involved?"),
        AssessmentCriterion.Agreements => new("Finns överenskommelser om vad varje part bidrar med?", "Are there agreements on what each party contributes?"),
        AssessmentCriterion.Mandate => new("Har medlemmarna mandat att fatta beslut?", "Do the members have a mandate to take decisions?"),
        AssessmentCriterion.OpennessAndTrust => new("Finns öppenhet och tillit i grupperna?", "Is there openness and trust in the groups that meet?"),
        AssessmentCriterion.GenderEqualInfluence => new("Har kvinnor och män samma möjligheter att påverka?", "Do women and men have the same opportunities to influence?"),
        AssessmentCriterion.ChangesOwnOrganisations => new("Förändrar samverkan de egna organisationerna?", "Does the collaboration change the members' own organisations?"),
        AssessmentCriterion.TargetGroupInfluence => new("Kan målgrupperna delta i och påverka arbetet?", "Can the target groups take part in and influence the work?"),
        AssessmentCriterion.TimeAndResources => new("Hur mycket tid och resurser läggs på att få samverkan att fungera?", "How much time and what resources go into making the collaboration work?"),
        AssessmentCriterion.ManagementPriority => new("Prioriterad och följd av ledningen", "Prioritised and followed up by management"),
        AssessmentCriterion.AnchoredAtEveryLevel => new("Förankrad på alla nivåer", "Anchored at every level"),
        AssessmentCriterion.ClearRoles => new("Tydligt ansvar, roller och mandat", "Clear responsibility, roles and mandate"),
        AssessmentCriterion.SharedViewOfGoals => new("Gemensam syn på målen", "A shared view of goals"),
        AssessmentCriterion.JointCompetenceDevelopment => new("Gemensam kompetensutveckling", "Joint competence development"),
        AssessmentCriterion.ResourcesSetAside => new("Avsatta resurser (tid, pengar, personal, kompetens)", "Resources set aside (time, money, staff, skills)"),
        _ => new(criterion.ToString(), criterion.ToString()),
    };
}
