namespace Samverkan.Contracts.Employers;

/// <summary>An employer's register facts changed. Carries the state after the change; contact persons stay in Employers.</summary>
public sealed record EmployerUpdated
{
    public required Guid EmployerId { get; init; }
    public required string Name { get; init; }
    public required string IndustryCode { get; init; }
    public required string MunicipalityCode { get; init; }
    public required SizeBand SizeBand { get; init; }
    public required Guid OwnerActorId { get; init; }
    /// <summary>The employer organisation's own actor id, when it is registered as an actor too (it may be linked or changed later).</summary>
    public Guid? ActorId { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>
    /// The employer's revision after this change: Employers raises it by one with every event about the employer, so a copy applies a state only
    /// when it is newer than the one it holds. Null only in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
