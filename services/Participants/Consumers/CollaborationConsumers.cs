using MassTransit;
using Samverkan.Contracts.Actors;

namespace Samverkan.Participants.Consumers;

// Idempotent beyond the inbox: each consumer ends in the same rows however often, and in whatever order, the
// events arrive (the state carries its own time; membership is a set of facts keyed by what they say).

public sealed class CollaborationCreatedConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<CollaborationCreated, ParticipantsDbContext>(db)
{
    protected override Task HandleAsync(CollaborationCreated message, ConsumeContext<CollaborationCreated> context) =>
        KnownCollaborations.ApplyAsync(Db, KnownCollaboration.From(message), context.CancellationToken);
}

public sealed class CollaborationUpdatedConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<CollaborationUpdated, ParticipantsDbContext>(db)
{
    protected override Task HandleAsync(CollaborationUpdated message, ConsumeContext<CollaborationUpdated> context) =>
        KnownCollaborations.ApplyAsync(Db, KnownCollaboration.From(message), context.CancellationToken);
}

public sealed class MemberJoinedConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<MemberJoined, ParticipantsDbContext>(db)
{
    protected override Task HandleAsync(MemberJoined message, ConsumeContext<MemberJoined> context) =>
        KnownCollaborations.RecordAsync(Db, new MembershipChange
        {
            CollaborationId = message.CollaborationId, ActorId = message.ActorId, Kind = MembershipChangeKind.Joined,
            On = message.JoinedOn, OccurredAt = message.OccurredAt,
        }, context.CancellationToken);
}

public sealed class MemberLeftConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<MemberLeft, ParticipantsDbContext>(db)
{
    protected override Task HandleAsync(MemberLeft message, ConsumeContext<MemberLeft> context) =>
        KnownCollaborations.RecordAsync(Db, new MembershipChange
        {
            CollaborationId = message.CollaborationId, ActorId = message.ActorId, Kind = MembershipChangeKind.Left,
            On = message.LeftOn, OccurredAt = message.OccurredAt,
        }, context.CancellationToken);
}

internal static class KnownCollaborations
{
    public static async Task ApplyAsync(ParticipantsDbContext db, KnownCollaboration state, CancellationToken ct)
    {
        // Find also sees a row added earlier in the same batch. Two deliveries racing past it meet at the
        // primary key: the loser fails, is retried, and then finds the row.
        var known = await db.KnownCollaborations.FindAsync([state.Id], ct);
        if (known is null)
            db.KnownCollaborations.Add(state);
        else
            known.Apply(state); // an update that overtook the creation keeps its later state
    }

    public static async Task RecordAsync(ParticipantsDbContext db, MembershipChange change, CancellationToken ct)
    {
        if (await db.MembershipChanges.FindAsync([change.CollaborationId, change.ActorId, change.Kind, change.On], ct) is null)
            db.MembershipChanges.Add(change);
    }
}

public static class CollaborationConsumerRegistration
{
    /// <summary>The consumers that keep the local copy of Actors' collaborations and memberships.</summary>
    public static void AddCollaborationConsumers(this IBusRegistrationConfigurator x)
    {
        x.AddConsumer<CollaborationCreatedConsumer>();
        x.AddConsumer<CollaborationUpdatedConsumer>();
        x.AddConsumer<MemberJoinedConsumer>();
        x.AddConsumer<MemberLeftConsumer>();
    }
}
