using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Infrastructure;

/// <summary>
/// Erases a participant's record: the number (ciphertext and lookup hash), name, birth date and every free text
/// about the person go; the de-identified rows aggregate history needs (gender, age at start, municipality,
/// dates, outcomes, hours, consents) stay. The audit log of identifying reads stays too: it is append-only by
/// design and names staff, not the person. Published as <see cref="ParticipantErased"/> in the same commit.
/// </summary>
public sealed class ParticipantEraser(ParticipantsDbContext db)
{
    /// <summary>The erasure, or null when the participant was already erased (nothing changes, nothing is published).</summary>
    public async Task<ParticipantErasure?> EraseAsync(Participant participant, ErasureReason reason, string by, CancellationToken ct)
    {
        var id = participant.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<ParticipantErasure>().AnyAsync(e => e.ParticipantId == id, ct))
            return null;

        await db.Participants.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ProtectedNumber, (string?)null)
            .SetProperty(p => p.NumberLookupHash, (byte[]?)null)
            .SetProperty(p => p.ProtectedName, (string?)null)
            .SetProperty(p => p.BirthDate, (DateOnly?)null), ct);
        await db.Set<ParticipantExit>().Where(x => x.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Reason, (string?)null), ct);
        await db.Set<FollowUp>().Where(f => f.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Note, (string?)null), ct);
        await db.Set<Commitment>().Where(c => c.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Description, (string?)null), ct);
        await db.Set<SkillsValidation>().Where(v => v.ParticipantId == id).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Assessor, (string?)null)
            .SetProperty(v => v.Result, (string?)null), ct);
        // Goals and steps are nothing but the person's own words.
        await db.Set<PlanEntry>().Where(e => e.ParticipantId == id).ExecuteDeleteAsync(ct);

        // Read after the update above took the row's lock: a correction (which locks the row too) is either in, with its
        // revision, or waits until the erasure is done.
        var final = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        var exit = await db.Set<ParticipantExit>().AsNoTracking().SingleOrDefaultAsync(x => x.ParticipantId == id, ct);
        var hours = await db.Set<ParticipationHours>().AsNoTracking().Where(h => h.ParticipantId == id)
            .Select(h => new { h.Date, h.Hours, h.RecordedAt }).ToListAsync(ct);

        var erasure = new ParticipantErasure { ParticipantId = id, Reason = reason, ErasedBy = by, ErasedAt = DateTimeOffset.UtcNow };
        db.Add(erasure);
        db.AddIntegrationEvent(new ParticipantErased
        {
            ParticipantId = id,
            CollaborationId = participant.CollaborationId,
            Reason = reason,
            ErasedAt = erasure.ErasedAt,
            // The final state, restated as the events that carried it (the same mappings), for copies to take what they have not yet received.
            Enrolment = final.ToEnrolledEvent(),
            Exit = exit?.ToExitedEvent(final.CollaborationId),
            // Each month's total as its last MonthlyHoursRecorded had it: everything recorded in it, at the last recording's time.
            MonthlyHours = hours.GroupBy(h => HoursRules.MonthOf(h.Date)).OrderBy(m => m.Key).Select(m => new MonthlyHoursRecorded
            {
                ParticipantId = id, CollaborationId = final.CollaborationId, Month = m.Key, TotalHours = m.Sum(h => h.Hours),
                BenefitAtStart = final.BenefitAtStart, RecordedAt = m.Max(h => h.RecordedAt),
            }).ToList(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return null; // a concurrent erasure won; the transaction rolls back on dispose
        }
        await transaction.CommitAsync(ct);
        return erasure;
    }
}
