namespace Samverkan.Contracts.Actors;

/// <summary>
/// An actor's public facts changed. Carries the state after the change; contact persons are left out on
/// purpose (names of people stay in the Actors service).
/// </summary>
public sealed record ActorUpdated
{
    public required Guid ActorId { get; init; }
    public required string Name { get; init; }
    public required string OrganisationNumber { get; init; }
    public required ActorSector Sector { get; init; }
    public required ActorKind Kind { get; init; }
    /// <summary>SCB municipality code (four digits), when the actor is tied to one.</summary>
    public string? MunicipalityCode { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>
    /// The actor's revision after this change: Actors raises it by one with every event about the actor, so a copy applies a state only
    /// when it is newer than the one it holds. Null only in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
