namespace Samverkan.ServiceDefaults.Contacts;

/// <summary>
/// Someone to reach at an organisation: an actor or an employer. Stored with it (a jsonb list); never carried in
/// events (a name is personal data).
/// </summary>
public sealed record ContactPerson
{
    public required string Name { get; init; }
    /// <summary>Their role there, e.g. "enhetschef", "processledare" or "HR-ansvarig".</summary>
    public string? Role { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}
