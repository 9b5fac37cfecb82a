using Samverkan.Contracts.Actors;

namespace Samverkan.Participants.Model;

/// <summary>
/// This service's copy of an actor registered in Actors, kept from <see cref="ActorRegistered"/> so that a
/// referring actor can be checked here without a call to another service.
/// </summary>
public sealed class KnownActor
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public ActorSector Sector { get; set; }
    public ActorKind Kind { get; set; }

    public static KnownActor From(ActorRegistered registered) => new()
    {
        Id = registered.ActorId,
        Name = registered.Name,
        Sector = registered.Sector,
        Kind = registered.Kind,
    };

    /// <summary>
    /// Takes the facts of a registration seen again (a replay of history, or one sent under a new message id):
    /// the actor keeps its row and ends up as the event describes it, however often it arrives.
    /// </summary>
    public void Apply(ActorRegistered registered)
    {
        Name = registered.Name;
        Sector = registered.Sector;
        Kind = registered.Kind;
    }
}
