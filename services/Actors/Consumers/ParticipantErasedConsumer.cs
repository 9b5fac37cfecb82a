using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Consumers;

/// <summary>
/// An erased participant stays erased here too: its referral keeps counting against the referring actor's agreement
/// (collaboration, actor and date stay), but under a fresh random id that links it to no one, as Reporting does. A
/// second delivery finds the id gone and changes nothing.
/// </summary>
public sealed class ParticipantErasedConsumer(ActorsDbContext db)
    : IdempotentConsumer<ParticipantErased, ActorsDbContext>(db)
{
    protected override async Task HandleAsync(ParticipantErased m, ConsumeContext<ParticipantErased> context) =>
        await Db.Database.ExecuteSqlAsync($"""
            UPDATE referrals SET participant_id = {Guid.NewGuid()} WHERE participant_id = {m.ParticipantId}
            """, context.CancellationToken);
}
