namespace Samverkan.Contracts.Employers;

/// <summary>A placement offer was published and is open.</summary>
public sealed record OfferPublished
{
    public required Guid OfferId { get; init; }
    public required Guid EmployerId { get; init; }
    public required OfferKind Kind { get; init; }
    /// <summary>SSYK 2012 code, four digits.</summary>
    public required string OccupationCode { get; init; }
    /// <summary>SCB kommunkod where the work is.</summary>
    public required string MunicipalityCode { get; init; }
    public required int Places { get; init; }
    public required DateOnly StartDate { get; init; }
    /// <summary>The actor the publisher acted for: the employer's own actor, or the agency posting on its behalf.</summary>
    public required Guid PublishedByActorId { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}
