using MassTransit;
using Samverkan.Contracts.Actors;

namespace Samverkan.Participants.Consumers;

public sealed class ActorRegisteredConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<ActorRegistered, ParticipantsDbContext>(db)
{
    protected override async Task HandleAsync(ActorRegistered message, ConsumeContext<ActorRegistered> context)
    {
        // Two deliveries of the same actor racing past this lookup meet at the primary key: the loser
        // fails, is retried, and then finds the row.
        var actor = await Db.KnownActors.FindAsync([message.ActorId], context.CancellationToken);
        if (actor is null)
            Db.KnownActors.Add(KnownActor.From(message));
        else
            actor.Apply(message);
    }
}
