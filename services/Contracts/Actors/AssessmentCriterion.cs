namespace Samverkan.Contracts.Actors;

/// <summary>
/// What a collaboration health assessment rates: the nine programme criteria (programkriterier) and the
/// success factors (framgångsfaktorer). On the wire kebab-case.
/// </summary>
public enum AssessmentCriterion
{
    /// <summary>1. Finns ett tydligt och realistiskt syfte med samverkan?</summary>
    ClearPurpose = 1,
    /// <summary>2. Är rätt aktörer och organisationer involverade?</summary>
    RightActors = 2,
    /// <summary>3. Finns överenskommelser om vad varje part bidrar med?</summary>
    Agreements = 3,
    /// <summary>4. Har medlemmarna mandat att fatta beslut?</summary>
    Mandate = 4,
    /// <summary>5. Finns öppenhet och tillit i grupperna?</summary>
    OpennessAndTrust = 5,
    /// <summary>6. Har kvinnor och män samma möjligheter att påverka?</summary>
    GenderEqualInfluence = 6,
    /// <summary>7. Förändrar samverkan de egna organisationerna?</summary>
    ChangesOwnOrganisations = 7,
    /// <summary>8. Kan målgrupperna delta i och påverka arbetet?</summary>
    TargetGroupInfluence = 8,
    /// <summary>9. Hur mycket tid och resurser läggs på att få samverkan att fungera?</summary>
    TimeAndResources = 9,
    /// <summary>Framgångsfaktor: prioriterad och följd av ledningen.</summary>
    ManagementPriority = 10,
    /// <summary>Framgångsfaktor: förankrad på alla nivåer.</summary>
    AnchoredAtEveryLevel = 11,
    /// <summary>Framgångsfaktor: tydligt ansvar, roller och mandat.</summary>
    ClearRoles = 12,
    /// <summary>Framgångsfaktor: gemensam syn på målen.</summary>
    SharedViewOfGoals = 13,
    /// <summary>Framgångsfaktor: gemensam kompetensutveckling.</summary>
    JointCompetenceDevelopment = 14,
    /// <summary>Framgångsfaktor: avsatta resurser (tid, pengar, personal, kompetens).</summary>
    ResourcesSetAside = 15,
}
