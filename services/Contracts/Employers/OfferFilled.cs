namespace Samverkan.Contracts.Employers;

/// <summary>All places of an offer are taken; it no longer takes candidates.</summary>
public sealed record OfferFilled
{
    public required Guid OfferId { get; init; }
    public required Guid EmployerId { get; init; }
    public required DateTimeOffset FilledAt { get; init; }
}
