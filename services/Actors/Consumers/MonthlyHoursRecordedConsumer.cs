using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Consumers;

/// <summary>
/// Keeps each participant's hours per month of a collaboration, for co-financing. The event carries the month's new
/// total, so the row is set, and only by a later recording than the one it holds: a late or repeated total changes
/// nothing. An event about a participant already erased (a tombstone) is dropped: the erasure brought the final hours.
/// </summary>
public sealed class MonthlyHoursRecordedConsumer(ActorsDbContext db) : IdempotentConsumer<MonthlyHoursRecorded, ActorsDbContext>(db)
{
    protected override Task HandleAsync(MonthlyHoursRecorded m, ConsumeContext<MonthlyHoursRecorded> context) =>
        ApplyAsync(Db, m, context.CancellationToken);

    public static async Task ApplyAsync(ActorsDbContext db, MonthlyHoursRecorded m, CancellationToken ct)
    {
        // The erasure's lock: it cannot re-key the participant's rows between this check and this write.
        await db.Database.LockAsync(m.ParticipantId, ct);
        if (await db.ErasedParticipants.FindAsync([Copies.TombstoneOf(m.ParticipantId)], ct) is not null)
            return;
        await SetAsync(db, m, ct);
    }

    /// <summary>The one write of a month's total, for a delivery and for an erasure's restated final state alike.</summary>
    public static Task SetAsync(ActorsDbContext db, MonthlyHoursRecorded m, CancellationToken ct)
    {
        var month = new DateOnly(m.Month.Year, m.Month.Month, 1);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO co_financing_hours (participant_id, collaboration_id, month, benefit_at_start, hours, recorded_at)
            VALUES ({m.ParticipantId}, {m.CollaborationId}, {month}, {m.BenefitAtStart?.ToString()}, {m.TotalHours}, {m.RecordedAt})
            ON CONFLICT (participant_id, collaboration_id, month) DO UPDATE
                SET benefit_at_start = EXCLUDED.benefit_at_start, hours = EXCLUDED.hours, recorded_at = EXCLUDED.recorded_at
                WHERE co_financing_hours.recorded_at < EXCLUDED.recorded_at
            """, ct);
    }
}
