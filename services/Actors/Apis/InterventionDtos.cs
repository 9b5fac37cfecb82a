using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Apis;

/// <summary>An intervention as an actor publishes it in the shared catalogue, on create and on replace.</summary>
public sealed record InterventionRequest
{
    [Required, StringLength(300, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required]
    public InterventionCategory? Category { get; init; }

    /// <summary>Who may take part, in the actor's words.</summary>
    [Required, StringLength(2000, MinimumLength = 1)]
    public string? Eligibility { get; init; }

    /// <summary>Places at a time, when limited; leave out when not.</summary>
    [Range(1, 100_000)]
    public int? Capacity { get; init; }

    [Required]
    public bool? OpenRegardlessOfBenefit { get; init; }
}

public sealed record InterventionResponse(
    Guid Id, Guid ActorId, string Name, InterventionCategory Category, string Eligibility, int? Capacity,
    bool OpenRegardlessOfBenefit, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static InterventionResponse From(Intervention i) =>
        new(i.Id, i.ActorId, i.Name, i.Category, i.Eligibility, i.Capacity, i.OpenRegardlessOfBenefit, i.CreatedAt, i.UpdatedAt);
}

/// <summary>A hit in a collaboration's catalogue: the intervention and the name of the member actor offering it.</summary>
public sealed record CatalogueEntry(InterventionResponse Intervention, string ActorName);
