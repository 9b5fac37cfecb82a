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
    public required DateTimeOffset UpdatedAt { get; init; }
}
