namespace Samverkan.Contracts.Employers;

/// <summary>An employer was registered in the shared employer register.</summary>
public sealed record EmployerRegistered
{
    public required Guid EmployerId { get; init; }
    /// <summary>The organisation's name (a legal entity's, never a person's: sole traders are rejected).</summary>
    public required string Name { get; init; }
    /// <summary>Organisationsnummer, ten digits without separator.</summary>
    public required string OrganisationNumber { get; init; }
    /// <summary>SNI 2007 code, five digits without the dot ("62010").</summary>
    public required string IndustryCode { get; init; }
    /// <summary>SCB kommunkod.</summary>
    public required string MunicipalityCode { get; init; }
    public required SizeBand SizeBand { get; init; }
    /// <summary>The actor (agency) that owns the relationship with the employer.</summary>
    public required Guid OwnerActorId { get; init; }
    /// <summary>The employer organisation's own actor id, when it is registered as an actor too.</summary>
    public Guid? ActorId { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>
    /// The employer's revision after this change: Employers raises it by one with every event about the employer, so a copy applies a state only
    /// when it is newer than the one it holds. Null only in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
