using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Model;

/// <summary>
/// What an actor offers in the shared catalogue (insats i den gemensamma verktygslådan). It belongs to the
/// actor, not to a collaboration: every collaboration the actor is a member of sees it.
/// </summary>
public sealed class Intervention
{
    public Guid Id { get; init; }
    public Guid ActorId { get; init; }
    public required string Name { get; set; }
    public InterventionCategory Category { get; set; }
    /// <summary>Who may take part, in the actor's own words (e.g. "inskriven på AF, 18–29 år").</summary>
    public required string Eligibility { get; set; }
    /// <summary>Places at a time, when limited.</summary>
    public int? Capacity { get; set; }
    /// <summary>Open whatever benefit (ersättning) the participant lives on: the programmes' recurring obstacle.</summary>
    public bool OpenRegardlessOfBenefit { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: the ETag.</summary>
    public uint Version { get; set; }
}
