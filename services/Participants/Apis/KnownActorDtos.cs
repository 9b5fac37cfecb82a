using Samverkan.Contracts.Actors;

namespace Samverkan.Participants.Apis;

public sealed record KnownActorResponse(Guid Id, string Name, ActorSector Sector, ActorKind Kind)
{
    public static KnownActorResponse From(KnownActor a) => new(a.Id, a.Name, a.Sector, a.Kind);
}
