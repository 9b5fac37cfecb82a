using MassTransit;
using Samverkan.Contracts.Actors;

namespace Samverkan.Participants.Consumers;

// The copy of Actors' actors: a registration and every update carry the actor's whole public state and its revision,
// so both apply the same way and the newest revision wins in any order (Copies.ApplyIfNewerAsync).

public sealed class ActorRegisteredConsumer(ParticipantsDbContext db) : IdempotentConsumer<ActorRegistered, ParticipantsDbContext>(db)
{
    protected override bool SavesOncePerBatch => true; // Find and tracked changes only (Copies)

    protected override Task HandleAsync(ActorRegistered m, ConsumeContext<ActorRegistered> context) => ApplyAsync(Db, m, context.CancellationToken);

    public static Task ApplyAsync(ParticipantsDbContext db, ActorRegistered m, CancellationToken ct) =>
        KnownActors.ApplyAsync(db, m.ActorId, m.Revision, m.Name, m.Sector, m.Kind, ct);
}

public sealed class ActorUpdatedConsumer(ParticipantsDbContext db) : IdempotentConsumer<ActorUpdated, ParticipantsDbContext>(db)
{
    protected override bool SavesOncePerBatch => true; // Find and tracked changes only (Copies)

    protected override Task HandleAsync(ActorUpdated m, ConsumeContext<ActorUpdated> context) => ApplyAsync(Db, m, context.CancellationToken);

    public static Task ApplyAsync(ParticipantsDbContext db, ActorUpdated m, CancellationToken ct) =>
        KnownActors.ApplyAsync(db, m.ActorId, m.Revision, m.Name, m.Sector, m.Kind, ct);
}

internal static class KnownActors
{
    public static Task ApplyAsync(ParticipantsDbContext db, Guid actorId, long? revision, string name, ActorSector sector, ActorKind kind, CancellationToken ct) =>
        db.KnownActors.ApplyIfNewerAsync([actorId], revision, () => new KnownActor { Id = actorId, Name = name }, actor =>
        {
            actor.Name = name;
            actor.Sector = sector;
            actor.Kind = kind;
        }, ct);
}
