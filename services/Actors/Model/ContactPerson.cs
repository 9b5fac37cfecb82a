namespace Samverkan.Actors.Model;

/// <summary>Someone to reach at an actor. Stored with the actor; never carried in events (a name is personal data).</summary>
public sealed record ContactPerson
{
    public required string Name { get; init; }
    /// <summary>Their role at the actor, e.g. "enhetschef" or "processledare".</summary>
    public string? Role { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}
