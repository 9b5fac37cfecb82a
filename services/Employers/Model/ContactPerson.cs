namespace Samverkan.Employers.Model;

/// <summary>Someone to reach at an employer. Stored with the employer; never carried in events (a name is personal data).</summary>
public sealed record ContactPerson
{
    public required string Name { get; init; }
    /// <summary>Their role at the employer, e.g. "HR-ansvarig" or "butikschef".</summary>
    public string? Role { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}
