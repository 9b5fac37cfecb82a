namespace Samverkan.Contracts.Actors;

/// <summary>An actor (agency, organisation or employer) joined the platform.</summary>
public sealed record ActorRegistered
{
    public required Guid ActorId { get; init; }
    public required string Name { get; init; }
    /// <summary>Organisationsnummer of a legal entity (never a personnummer: sole traders are rejected at registration).</summary>
    public required string OrganisationNumber { get; init; }
    public required ActorSector Sector { get; init; }
    public required ActorKind Kind { get; init; }
    /// <summary>SCB municipality code (four digits), when the actor is tied to one.</summary>
    public string? MunicipalityCode { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>
    /// The actor's revision after this change: Actors raises it by one with every event about the actor, so a copy applies a state only
    /// when it is newer than the one it holds. Null only in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
