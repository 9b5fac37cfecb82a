namespace Samverkan.Contracts.Participants;

/// <summary>Highest completed education as an ISCED band (ESF+ Annex I). On the wire kebab-case.</summary>
public enum EducationLevel
{
    /// <summary>ISCED 0–2: at most lower secondary (grundskola).</summary>
    PrimaryOrLowerSecondary = 1,
    /// <summary>ISCED 3–4: upper secondary or post-secondary non-tertiary (gymnasium).</summary>
    UpperSecondaryOrPostSecondary = 2,
    /// <summary>ISCED 5–8: tertiary (eftergymnasial).</summary>
    Tertiary = 3,
}
