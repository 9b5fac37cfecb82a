namespace Samverkan.Contracts.Employers;

/// <summary>
/// An employer's size by number of employees, in the bands SCB uses (storleksklass). In JSON:
/// "none" (0), "micro" (1–9), "small" (10–49), "medium" (50–249), "large" (250+).
/// </summary>
public enum SizeBand
{
    /// <summary>No employees (0).</summary>
    None,
    /// <summary>1–9 employees.</summary>
    Micro,
    /// <summary>10–49 employees.</summary>
    Small,
    /// <summary>50–249 employees.</summary>
    Medium,
    /// <summary>250 employees or more.</summary>
    Large,
}
