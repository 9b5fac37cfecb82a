namespace Samverkan.Contracts.Actors;

/// <summary>
/// An actor published (or republished after a change) an intervention in the shared catalogue
/// (gemensam verktygslåda). Participants uses it to check that a commitment names a real intervention.
/// </summary>
public sealed record InterventionPublished
{
    public required Guid InterventionId { get; init; }
    public required Guid ActorId { get; init; }
    public required string Name { get; init; }
    public required InterventionCategory Category { get; init; }
    /// <summary>Places at a time, when limited.</summary>
    public int? Capacity { get; init; }
    /// <summary>True when open to participants whatever benefit they live on.</summary>
    public required bool OpenRegardlessOfBenefit { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}
