using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Apis;
using Samverkan.Actors.Infrastructure;
using Samverkan.ServiceDefaults.Messaging;
using ParticipantsRequest = Samverkan.Contracts.Participants.CopiesReplayRequested;
using EmployersRequest = Samverkan.Contracts.Employers.CopiesReplayRequested;

namespace Samverkan.Actors.Consumers;

/// <summary>Participants copies actors, collaborations and memberships: all three are published again as they stand.</summary>
public sealed class ParticipantsCopiesReplayConsumer(ActorsDbContext db) : IdempotentConsumer<ParticipantsRequest, ActorsDbContext>(db)
{
    protected override async Task HandleAsync(ParticipantsRequest message, ConsumeContext<ParticipantsRequest> context)
    {
        await CurrentState.StageActorsAsync(Db, context.CancellationToken);
        await CurrentState.StageCollaborationsAsync(Db, context.CancellationToken);
    }
}

/// <summary>Employers copies actors only.</summary>
public sealed class EmployersCopiesReplayConsumer(ActorsDbContext db) : IdempotentConsumer<EmployersRequest, ActorsDbContext>(db)
{
    protected override Task HandleAsync(EmployersRequest message, ConsumeContext<EmployersRequest> context) =>
        CurrentState.StageActorsAsync(Db, context.CancellationToken);
}

/// <summary>
/// The current state of what Actors owns, staged in the outbox as the same events a change publishes and with the
/// revisions they had: a copy that holds them already ignores them, one that drifted or is empty takes them. Every
/// service bound to the events receives them, which is harmless for the same reason.
/// </summary>
internal static class CurrentState
{
    public static async Task StageActorsAsync(ActorsDbContext db, CancellationToken ct)
    {
        foreach (var actor in await db.Actors.AsNoTracking().ToListAsync(ct))
            db.AddIntegrationEvent(ActorsApi.UpdatedEvent(actor));
    }

    /// <summary>
    /// Each plan, and each membership's last state: an open one as its join, an ended one as its leave (which carries
    /// the join too). Earlier memberships of the same actor carry the older revisions of their own last change.
    /// </summary>
    public static async Task StageCollaborationsAsync(ActorsDbContext db, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var collaboration in await db.Collaborations.AsNoTracking().Include(c => c.Members).AsSplitQuery().ToListAsync(ct))
        {
            db.AddIntegrationEvent(CollaborationsApi.UpdatedEvent(collaboration));
            foreach (var member in collaboration.Members.OrderBy(m => m.Revision))
            {
                if (member.LeftOn is null)
                    db.AddIntegrationEvent(CollaborationMembersApi.Joined(member, now));
                else
                    db.AddIntegrationEvent(CollaborationMembersApi.Left(member, now));
            }
        }
    }
}
