using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Consumers;

/// <summary>
/// An erased participant stays erased here too: its referral keeps counting against the referring actor's agreement
/// (collaboration, actor and date stay), and its hours keep counting in co-financing, its final hours first (what the
/// erasure restates and had not yet arrived), all under a fresh random id that links them to no one, as Reporting does. The
/// erasure leaves a tombstone (<see cref="ErasedParticipant"/>), so that an enrolment delivered after it neither brings
/// the id back nor counts twice; a second delivery finds the tombstone and changes nothing.
/// </summary>
public sealed class ParticipantErasedConsumer(ActorsDbContext db)
    : IdempotentConsumer<ParticipantErased, ActorsDbContext>(db)
{
    protected override Task HandleAsync(ParticipantErased m, ConsumeContext<ParticipantErased> context) =>
        ApplyAsync(Db, m, context.CancellationToken);

    public static async Task ApplyAsync(ActorsDbContext db, ParticipantErased m, CancellationToken ct)
    {
        // The same lock as the enrolment's: neither can commit in between the other's check and write.
        await db.Database.LockAsync(m.ParticipantId, ct);
        var hash = Copies.TombstoneOf(m.ParticipantId);
        if (await db.ErasedParticipants.FindAsync([hash], ct) is not null)
            return;
        foreach (var month in m.MonthlyHours ?? [])
            await MonthlyHoursRecordedConsumer.SetAsync(db, month with { ParticipantId = m.ParticipantId }, ct);
        var replacement = Guid.NewGuid();
        var counted = await db.Database.ExecuteSqlAsync($"""
            UPDATE referrals SET participant_id = {replacement} WHERE participant_id = {m.ParticipantId}
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE co_financing_hours SET participant_id = {replacement} WHERE participant_id = {m.ParticipantId}
            """, ct);
        db.ErasedParticipants.Add(new ErasedParticipant { IdHash = hash, ReferralCounted = counted > 0 });
    }
}
