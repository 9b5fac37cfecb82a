using MassTransit;
using Samverkan.Contracts.Participants;
using Samverkan.Participants.Security;
using static Samverkan.Participants.Apis.ParticipantRecords;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Records hours, one row or a batch, with the same rules: each row is checked on its own (a rejected row writes
/// nothing), the accepted rows are saved in one transaction with a <see cref="MonthlyHoursRecorded"/> per
/// participant and month touched, carrying the month's new total.
/// </summary>
internal static class HoursRecorder
{
    public sealed record Row(Guid? ParticipantId, DateOnly? Date, decimal? Hours, bool AttestedByParticipant);

    public static async Task<List<BulkHoursRowResult>> RecordAsync(
        IReadOnlyList<Row> rows, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var ids = rows.Where(r => r.ParticipantId is not null).Select(r => r.ParticipantId!.Value).Distinct().OrderBy(id => id).ToArray();

        // Rows of one participant wait for each other here, so daily limits and monthly totals are counted on
        // committed data; ids in order so that two batches never wait on each other crosswise.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM participants WHERE id = ANY({ids}) ORDER BY id FOR UPDATE", ct);

        var participants = await AccessibleParticipants.FindAccessibleAsync(ids, user, db, authorization, ct);
        var exits = await db.Set<ParticipantExit>().AsNoTracking().Where(x => ids.Contains(x.ParticipantId))
            .ToDictionaryAsync(x => x.ParticipantId, x => x.ExitDate, ct);
        var dates = rows.Where(r => r.Date is not null).Select(r => r.Date!.Value).Distinct().ToArray();
        var daily = (await db.Set<ParticipationHours>().Where(h => ids.Contains(h.ParticipantId) && dates.Contains(h.Date))
                .GroupBy(h => new { h.ParticipantId, h.Date }).Select(g => new { g.Key.ParticipantId, g.Key.Date, Hours = g.Sum(h => h.Hours) })
                .ToListAsync(ct))
            .ToDictionary(d => (d.ParticipantId, d.Date), d => d.Hours);

        var today = Today();
        var now = DateTimeOffset.UtcNow;
        var results = new List<BulkHoursRowResult>(rows.Count);
        var accepted = new List<ParticipationHours>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var errors = new Dictionary<string, string[]>();
            Participant? participant = null;
            if (row.ParticipantId is null)
                errors["participantId"] = ["The participant is required."];
            else if (!participants.TryGetValue(row.ParticipantId.Value, out participant))
                errors["participantId"] = ["No such participant."];
            if (row.Date is null)
                errors["date"] = ["The date is required."];
            else if (participant is not null
                     && HoursRules.DateError(row.Date.Value, participant.StartDate, exits.TryGetValue(participant.Id, out var exit) ? exit : null, today) is { } dateError)
                errors["date"] = [dateError];
            if (row.Hours is null)
                errors["hours"] = ["The hours are required."];
            else if (HoursRules.HoursError(row.Hours.Value, row.ParticipantId is { } pid && row.Date is { } day ? daily.GetValueOrDefault((pid, day)) : 0) is { } hoursError)
                errors["hours"] = [hoursError];

            if (errors.Count > 0)
            {
                results.Add(new BulkHoursRowResult(i, "rejected", null, errors));
                continue;
            }
            var entry = new ParticipationHours
            {
                Id = NewId.NextSequentialGuid(),
                ParticipantId = participant!.Id,
                Date = row.Date!.Value,
                Hours = row.Hours!.Value,
                AttestedByParticipant = row.AttestedByParticipant,
                RecordedBy = Who(user),
                RecordedAt = now,
            };
            daily[(entry.ParticipantId, entry.Date)] = daily.GetValueOrDefault((entry.ParticipantId, entry.Date)) + entry.Hours;
            accepted.Add(entry);
            results.Add(new BulkHoursRowResult(i, "recorded", entry.Id, null));
        }

        if (accepted.Count > 0)
        {
            await PublishMonthlyTotalsAsync(accepted, participants, db, now, ct);
            db.AddRange(accepted);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return results;
    }

    /// <summary>One event per participant and month touched, with the month's total including the new rows.</summary>
    private static async Task PublishMonthlyTotalsAsync(
        List<ParticipationHours> accepted, Dictionary<Guid, Participant> participants, ParticipantsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var month in accepted.GroupBy(h => (h.ParticipantId, Month: HoursRules.MonthOf(h.Date))))
        {
            var (participantId, first) = month.Key;
            var next = first.AddMonths(1);
            var before = await db.Set<ParticipationHours>()
                .Where(h => h.ParticipantId == participantId && h.Date >= first && h.Date < next)
                .SumAsync(h => h.Hours, ct);
            db.AddIntegrationEvent(new MonthlyHoursRecorded
            {
                ParticipantId = participantId,
                CollaborationId = participants[participantId].CollaborationId,
                Month = first,
                TotalHours = before + month.Sum(h => h.Hours),
                BenefitAtStart = participants[participantId].BenefitAtStart,
                RecordedAt = now,
            });
        }
    }
}
