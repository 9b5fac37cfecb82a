using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Consumers;

/// <summary>
/// Records a referral actually made, to compare with what the referring actor promised. Besides the inbox,
/// the key (participant, collaboration) makes the same enrolment sent again under a new message id a no-op.
/// It needs nothing else to have arrived first: the count is read against agreements only when asked. An enrolment
/// that arrives after its participant's erasure counts once, under a fresh random id (<see cref="ErasedParticipant"/>).
/// </summary>
public sealed class ParticipantEnrolledConsumer(ActorsDbContext db)
    : IdempotentConsumer<ParticipantEnrolled, ActorsDbContext>(db)
{
    protected override Task HandleAsync(ParticipantEnrolled m, ConsumeContext<ParticipantEnrolled> context) =>
        ApplyAsync(Db, m, context.CancellationToken);

    public static async Task ApplyAsync(ActorsDbContext db, ParticipantEnrolled m, CancellationToken ct)
    {
        await db.Database.LockAsync(m.ParticipantId, ct);
        var participant = m.ParticipantId;
        if (await db.ErasedParticipants.FindAsync([Copies.TombstoneOf(m.ParticipantId)], ct) is { } erased)
        {
            if (erased.ReferralCounted)
                return;
            erased.ReferralCounted = true;
            participant = Guid.NewGuid();
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO referrals (participant_id, collaboration_id, referring_actor_id, referral_date, received_at)
            VALUES ({participant}, {m.CollaborationId}, {m.ReferringActorId}, {m.ReferralDate}, {DateTimeOffset.UtcNow})
            ON CONFLICT (participant_id, collaboration_id) DO NOTHING
            """, ct);
    }
}
