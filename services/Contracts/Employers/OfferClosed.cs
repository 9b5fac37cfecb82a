namespace Samverkan.Contracts.Employers;

/// <summary>An offer was closed (after being filled, or withdrawn while open).</summary>
public sealed record OfferClosed
{
    public required Guid OfferId { get; init; }
    public required Guid EmployerId { get; init; }
    /// <summary>True when the offer had been filled before it closed; false when it was withdrawn while open.</summary>
    public required bool WasFilled { get; init; }
    public required DateTimeOffset ClosedAt { get; init; }
}
