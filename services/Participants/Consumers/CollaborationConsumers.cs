using MassTransit;
using Samverkan.Contracts.Actors;

namespace Samverkan.Participants.Consumers;

// Idempotent beyond the inbox: each consumer ends in the same rows however often, and in whatever order, the
// events arrive (the plan carries its revision and the newest wins; membership is a set of facts keyed by what they
// say, which commute).

public sealed class CollaborationCreatedConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<CollaborationCreated, ParticipantsDbContext>(db)
{
    protected override Task HandleAsync(CollaborationCreated message, ConsumeContext<CollaborationCreated> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static Task ApplyAsync(ParticipantsDbContext db, CollaborationCreated m, CancellationToken ct) =>
        KnownCollaborations.ApplyAsync(db, m.CollaborationId, m.Revision, m.Name, m.OwnerActorId, m.StartDate, m.EndDate, m.CreatedAt, ct);
}

public sealed class CollaborationUpdatedConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<CollaborationUpdated, ParticipantsDbContext>(db)
{
    protected override Task HandleAsync(CollaborationUpdated message, ConsumeContext<CollaborationUpdated> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static Task ApplyAsync(ParticipantsDbContext db, CollaborationUpdated m, CancellationToken ct) =>
        KnownCollaborations.ApplyAsync(db, m.CollaborationId, m.Revision, m.Name, m.OwnerActorId, m.StartDate, m.EndDate, m.UpdatedAt, ct);
}

public sealed class MemberJoinedConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<MemberJoined, ParticipantsDbContext>(db)
{
    protected override Task HandleAsync(MemberJoined message, ConsumeContext<MemberJoined> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static Task ApplyAsync(ParticipantsDbContext db, MemberJoined m, CancellationToken ct) =>
        KnownCollaborations.RecordAsync(db, new MembershipChange
        {
            CollaborationId = m.CollaborationId, ActorId = m.ActorId, Kind = MembershipChangeKind.Joined, On = m.JoinedOn, OccurredAt = m.OccurredAt,
        }, ct);
}

/// <summary>
/// A leave records the leave, and the join it ends when the event names it (a replay of current state sends an ended
/// membership as its leave alone).
/// </summary>
public sealed class MemberLeftConsumer(ParticipantsDbContext db)
    : IdempotentConsumer<MemberLeft, ParticipantsDbContext>(db)
{
    protected override Task HandleAsync(MemberLeft message, ConsumeContext<MemberLeft> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static async Task ApplyAsync(ParticipantsDbContext db, MemberLeft m, CancellationToken ct)
    {
        if (m.JoinedOn is { } joinedOn)
            await KnownCollaborations.RecordAsync(db, new MembershipChange
            {
                CollaborationId = m.CollaborationId, ActorId = m.ActorId, Kind = MembershipChangeKind.Joined, On = joinedOn, OccurredAt = m.OccurredAt,
            }, ct);
        await KnownCollaborations.RecordAsync(db, new MembershipChange
        {
            CollaborationId = m.CollaborationId, ActorId = m.ActorId, Kind = MembershipChangeKind.Left, On = m.LeftOn, OccurredAt = m.OccurredAt,
        }, ct);
    }
}

internal static class KnownCollaborations
{
    public static Task ApplyAsync(ParticipantsDbContext db, Guid id, long? revision, string name, Guid ownerActorId,
        DateOnly startDate, DateOnly endDate, DateTimeOffset asOf, CancellationToken ct) =>
        db.KnownCollaborations.ApplyIfNewerAsync([id], revision, () => new KnownCollaboration { Id = id, Name = name }, known =>
        {
            known.Name = name;
            known.OwnerActorId = ownerActorId;
            known.StartDate = startDate;
            known.EndDate = endDate;
            known.AsOf = asOf;
        }, ct);

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
