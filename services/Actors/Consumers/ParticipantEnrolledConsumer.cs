using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Consumers;

/// <summary>
/// Records a referral actually made, to compare with what the referring actor promised. Besides the inbox,
/// the key (participant, collaboration) makes the same enrolment sent again under a new message id a no-op.
/// It needs nothing else to have arrived first: the count is read against agreements only when asked.
/// </summary>
public sealed class ParticipantEnrolledConsumer(ActorsDbContext db)
    : IdempotentConsumer<ParticipantEnrolled, ActorsDbContext>(db)
{
    protected override async Task HandleAsync(ParticipantEnrolled m, ConsumeContext<ParticipantEnrolled> context) =>
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO referrals (participant_id, collaboration_id, referring_actor_id, referral_date, received_at)
            VALUES ({m.ParticipantId}, {m.CollaborationId}, {m.ReferringActorId}, {m.ReferralDate}, {DateTimeOffset.UtcNow})
            ON CONFLICT (participant_id, collaboration_id) DO NOTHING
            """, context.CancellationToken);
}
