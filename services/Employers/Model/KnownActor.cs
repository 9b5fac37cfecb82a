using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Model;

/// <summary>
/// This service's copy of an actor registered in Actors, kept from <see cref="ActorRegistered"/> and <see cref="ActorUpdated"/> (the newest revision wins) so that the
/// actor owning an employer record can be checked here without a call to another service.
/// </summary>
public sealed class KnownActor : ICopy
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public ActorSector Sector { get; set; }
    public ActorKind Kind { get; set; }
    public long Revision { get; set; }
}
