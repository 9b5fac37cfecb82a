namespace Samverkan.Contracts.Actors;

/// <summary>One promised contribution as carried in agreement events: what, how much, in what unit.</summary>
public sealed record AgreedContribution
{
    public required ContributionKind Kind { get; init; }
    public required decimal Quantity { get; init; }
    public required string Unit { get; init; }
    /// <summary>The intervention's name when <see cref="Kind"/> is intervention, otherwise an optional description.</summary>
    public string? Description { get; init; }
}
