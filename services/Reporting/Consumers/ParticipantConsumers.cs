using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

/// <summary>
/// Records the participant's facts and increments the pre-aggregated counts, in the inbox's transaction.
/// The fact row's key (participant, collaboration) is the second guard: the same participant sent again
/// under a new message id inserts nothing and so counts nothing. An exit, a first employer contact or a correction
/// that arrived before the enrolment is counted now.
/// </summary>
public sealed class ParticipantEnrolledConsumer(ReportingDbContext db) : ReportingConsumer<ParticipantEnrolled>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(ParticipantEnrolled m, CancellationToken ct)
    {
        await CounterWriter.LockParticipantAsync(Db, m.ParticipantId, ct);
        var fact = Dimensions.FactOf(m);
        var inserted = await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO participant_facts (participant_id, collaboration_id, gender, age_band, municipality_code, referring_actor_id, target_groups, start_date, labour_market_status, education_level, benefit_at_start, updated_at, revision)
            VALUES ({fact.ParticipantId}, {fact.CollaborationId}, {fact.Gender}, {fact.AgeBand}, {fact.MunicipalityCode}, {fact.ReferringActorId}, {fact.TargetGroups}, {fact.StartDate}, {fact.LabourMarketStatus}, {fact.EducationLevel}, {fact.BenefitAtStart}, {fact.UpdatedAt}, {fact.Revision})
            ON CONFLICT (participant_id, collaboration_id) DO NOTHING
            """, ct);
        if (inserted == 0)
            return;
        // Corrections that overtook this enrolment are in the history (they found no fact to correct): apply them now,
        // in the order they arrived, by the rule every later one meets (ParticipantUpdatedConsumer.Correct).
        var participant = m.ParticipantId.ToString();
        var collaboration = m.CollaborationId.ToString();
        var overtaken = await Db.EventHistory.FromSql($"""
                SELECT * FROM event_history WHERE type = 'ParticipantUpdated' AND payload->>'participantId' = {participant}
                AND payload->>'collaborationId' = {collaboration}
                """)
            .AsNoTracking().OrderBy(e => e.Id).Select(e => e.Payload).ToListAsync(ct);
        if (overtaken.Count > 0)
        {
            fact = await Db.ParticipantFacts.SingleAsync(f => f.ParticipantId == m.ParticipantId && f.CollaborationId == m.CollaborationId, ct);
            foreach (var payload in overtaken)
                ParticipantUpdatedConsumer.Correct(fact, JsonSerializer.Deserialize<ParticipantUpdated>(payload, EventHistory.Options)!);
        }
        await CounterWriter.ApplyAsync(Db, await ParticipantCounters.OfAsync(Db, fact, ct), +1, only: null, ct);
    }
}

/// <summary>
/// Corrected facts: the old keys are subtracted and the new ones added, exits and contacts included. A correction older
/// than the facts held (by Participants' revision) changes nothing; one that arrives before its enrolment waits in the
/// history for it.
/// </summary>
public sealed class ParticipantUpdatedConsumer(ReportingDbContext db) : ReportingConsumer<ParticipantUpdated>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(ParticipantUpdated m, CancellationToken ct)
    {
        await CounterWriter.LockParticipantAsync(Db, m.ParticipantId, ct);
        var fact = await Db.ParticipantFacts.FirstOrDefaultAsync(f => f.ParticipantId == m.ParticipantId && f.CollaborationId == m.CollaborationId, ct);
        if (fact is null || !fact.IsNewer(m.Revision))
            return;
        var before = await ParticipantCounters.OfAsync(Db, fact, ct);
        var old = before with { Fact = Copy(fact) };
        Correct(fact, m);
        var now = before with { Fact = fact };
        await CounterWriter.ApplyAsync(Db,
            Dimensions.Counters(old, -1).Concat(Dimensions.Counters(now, +1)),
            Dimensions.CrossCounters(old, -1).Concat(Dimensions.CrossCounters(now, +1)), ct);
    }

    /// <summary>The facts as they are, apart from the tracked entity the correction changes.</summary>
    private static ParticipantFact Copy(ParticipantFact f) => new()
    {
        ParticipantId = f.ParticipantId, CollaborationId = f.CollaborationId, Gender = f.Gender, AgeBand = f.AgeBand, MunicipalityCode = f.MunicipalityCode,
        ReferringActorId = f.ReferringActorId, TargetGroups = f.TargetGroups, StartDate = f.StartDate, LabourMarketStatus = f.LabourMarketStatus,
        EducationLevel = f.EducationLevel, BenefitAtStart = f.BenefitAtStart, UpdatedAt = f.UpdatedAt, Revision = f.Revision,
    };

    /// <summary>
    /// Takes the correction's facts when they are newer than those held (<see cref="Copies.ApplyIfNewer{TCopy}"/>): the one
    /// rule for the live consumer, an enrolment catching up on corrections that overtook it, and the rebuild.
    /// </summary>
    internal static bool Correct(ParticipantFact fact, ParticipantUpdated m) =>
        fact.ApplyIfNewer(m.Revision, f =>
        {
            f.Gender = (int)m.Gender;
            f.AgeBand = (int?)m.AgeBand;
            f.MunicipalityCode = m.MunicipalityCode;
            f.TargetGroups = m.TargetGroups.Distinct().Select(g => (int)g).ToArray();
            f.LabourMarketStatus = (int?)m.LabourMarketStatusAtEntry;
            f.EducationLevel = (int?)m.EducationLevelAtEntry;
            f.UpdatedAt = m.UpdatedAt;
        });
}

/// <summary>Records the exit; counts it now if the enrolment is here, else the enrolment will.</summary>
public sealed class ParticipantExitedConsumer(ReportingDbContext db) : ReportingConsumer<ParticipantExited>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(ParticipantExited m, CancellationToken ct)
    {
        await CounterWriter.LockParticipantAsync(Db, m.ParticipantId, ct);
        var exit = new ParticipantExit
        {
            ParticipantId = m.ParticipantId, CollaborationId = m.CollaborationId, ExitDate = m.ExitDate, Outcome = (int)m.Outcome,
            GainedQualification = m.GainedQualification,
        };
        var inserted = await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO participant_exits (participant_id, collaboration_id, exit_date, outcome, gained_qualification)
            VALUES ({exit.ParticipantId}, {exit.CollaborationId}, {exit.ExitDate}, {exit.Outcome}, {exit.GainedQualification})
            ON CONFLICT (participant_id, collaboration_id) DO NOTHING
            """, ct);
        if (inserted == 0)
            return; // published once per participant and collaboration: a second one is a duplicate
        var fact = await Db.ParticipantFacts.AsNoTracking()
            .FirstOrDefaultAsync(f => f.ParticipantId == m.ParticipantId && f.CollaborationId == m.CollaborationId, ct);
        if (fact is not null)
            await CounterWriter.ApplyAsync(Db, new CountedParticipant(fact, exit, null), +1, CountedAt.Exit, ct);
    }
}

/// <summary>The month's new total replaces the old one; the collaboration's month changes by the difference.</summary>
public sealed class MonthlyHoursRecordedConsumer(ReportingDbContext db) : ReportingConsumer<MonthlyHoursRecorded>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(MonthlyHoursRecorded m, CancellationToken ct)
    {
        await CounterWriter.LockParticipantAsync(Db, m.ParticipantId, ct);
        var month = new DateOnly(m.Month.Year, m.Month.Month, 1);
        var held = await Db.ParticipantHours.FirstOrDefaultAsync(
            h => h.ParticipantId == m.ParticipantId && h.CollaborationId == m.CollaborationId && h.Month == month, ct);
        if (held is not null && held.RecordedAt >= m.RecordedAt)
            return; // an older total arriving late
        var before = held?.Hours ?? 0m;
        if (held is null)
            Db.ParticipantHours.Add(new ParticipantHours
            {
                ParticipantId = m.ParticipantId, CollaborationId = m.CollaborationId, Month = month, Hours = m.TotalHours, RecordedAt = m.RecordedAt,
            });
        else
        {
            held.Hours = m.TotalHours;
            held.RecordedAt = m.RecordedAt;
        }
        Db.ChangedScopes.Add(m.CollaborationId);
        var hours = m.TotalHours - before;
        var participants = (m.TotalHours > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO hours_by_month (collaboration_id, month, hours, participants) VALUES ({m.CollaborationId}, {month}, {hours}, {participants})
            ON CONFLICT (collaboration_id, month) DO UPDATE SET hours = hours_by_month.hours + EXCLUDED.hours, participants = hours_by_month.participants + EXCLUDED.participants
            """, ct);
    }
}

/// <summary>
/// The participant's final state first, then its id replaced by a fresh random one everywhere Reporting holds it, the
/// history included: the counts (and a rebuild) stay the same, and nothing links them to the person any more. A tombstone
/// (<see cref="ErasedParticipant"/>, a hash of the id) makes every later event about the participant, this erasure again
/// included, a duplicate (<see cref="ReportingConsumer{TMessage}.ConsumeAsync"/>).
/// </summary>
/// <remarks>
/// What the erasure restates (the enrolment at its final revision, the exit, each month's hours) goes through the live
/// consumers, as if delivered now, and into the history as those events: what arrived before takes it by their rules
/// (a newer revision, a later recording), what never will is in, and the rebuild replays it like any other event.
/// </remarks>
public sealed class ParticipantErasedConsumer(ReportingDbContext db) : ReportingConsumer<ParticipantErased>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    /// <summary>The restated events go into the history as their own; the erasure keeps only what it says of itself.</summary>
    protected override ParticipantErased InHistory(ParticipantErased message) => message with { Enrolment = null, Exit = null, MonthlyHours = null };

    public override async Task ApplyAsync(ParticipantErased m, CancellationToken ct)
    {
        await CounterWriter.LockParticipantAsync(Db, m.ParticipantId, ct);
        var old = m.ParticipantId;
        if (m.Enrolment is { } enrolment)
        {
            enrolment = enrolment with { ParticipantId = old };
            // Held already (an earlier revision): taken as a correction; not yet: as the enrolment.
            await RestateAsync(enrolment, new ParticipantEnrolledConsumer(Db), ct);
            await RestateAsync(new ParticipantUpdated
            {
                ParticipantId = old, CollaborationId = enrolment.CollaborationId, Gender = enrolment.Gender, AgeBand = enrolment.AgeBand,
                MunicipalityCode = enrolment.MunicipalityCode, TargetGroups = enrolment.TargetGroups,
                LabourMarketStatusAtEntry = enrolment.LabourMarketStatusAtEntry, EducationLevelAtEntry = enrolment.EducationLevelAtEntry,
                UpdatedAt = m.ErasedAt, Revision = enrolment.Revision,
            }, new ParticipantUpdatedConsumer(Db), ct);
        }
        if (m.Exit is { } exit)
            await RestateAsync(exit with { ParticipantId = old }, new ParticipantExitedConsumer(Db), ct);
        foreach (var month in m.MonthlyHours ?? [])
            await RestateAsync(month with { ParticipantId = old }, new MonthlyHoursRecordedConsumer(Db), ct);
        // All written (RestateAsync) under the erased id, so the re-keying below moves it too; let go of, so that nothing
        // still tracked under that id is written again later in the batch.
        Db.ChangeTracker.Clear();

        var replacement = Guid.NewGuid();
        await Db.Database.ExecuteSqlAsync($"UPDATE participant_facts SET participant_id = {replacement} WHERE participant_id = {old}", ct);
        await Db.Database.ExecuteSqlAsync($"UPDATE participant_exits SET participant_id = {replacement} WHERE participant_id = {old}", ct);
        await Db.Database.ExecuteSqlAsync($"UPDATE participant_hours SET participant_id = {replacement} WHERE participant_id = {old}", ct);
        await Db.Database.ExecuteSqlAsync($"UPDATE first_employer_contacts SET participant_id = {replacement} WHERE participant_id = {old}", ct);
        await Db.Database.ExecuteSqlAsync($"UPDATE placement_facts SET participant_id = {replacement} WHERE participant_id = {old}", ct);
        await Db.Database.ExecuteSqlAsync($"""
            UPDATE event_history SET payload = jsonb_set(payload, ARRAY['participantId'], to_jsonb({replacement.ToString()}::text))
            WHERE payload->>'participantId' = {old.ToString()}
            """, ct);
        await Db.Database.ExecuteSqlAsync($"INSERT INTO erased_participants (id_hash) VALUES ({Copies.TombstoneOf(old)}) ON CONFLICT DO NOTHING", ct);
    }

    /// <summary>
    /// A restated event, as a delivery of it would be (into the history, applied, saved: the next one reads what it
    /// wrote), under the erasure's lock.
    /// </summary>
    private async Task RestateAsync<T>(T message, ReportingConsumer<T> consumer, CancellationToken ct) where T : class
    {
        await EventHistory.AppendAsync(Db, Guid.NewGuid(), message, ct);
        await consumer.ApplyAsync(message, ct);
        await Db.SaveChangesAsync(ct);
    }
}

public sealed class ValidationCompletedConsumer(ReportingDbContext db) : HistoryOnlyConsumer<ValidationCompleted>(db);

public sealed class FollowUpRecordedConsumer(ReportingDbContext db) : HistoryOnlyConsumer<FollowUpRecorded>(db);

// Consents and the action plan's commitments: kept so that reports on consent coverage and on commitments
// delivered (the referral follow-up no system does today) can be built, and rebuilt, from the history later.
public sealed class ConsentGivenConsumer(ReportingDbContext db) : HistoryOnlyConsumer<ConsentGiven>(db);

public sealed class ConsentWithdrawnConsumer(ReportingDbContext db) : HistoryOnlyConsumer<ConsentWithdrawn>(db);

public sealed class CommitmentAddedConsumer(ReportingDbContext db) : HistoryOnlyConsumer<CommitmentAdded>(db);

public sealed class CommitmentStatusChangedConsumer(ReportingDbContext db) : HistoryOnlyConsumer<CommitmentStatusChanged>(db);

/// <summary>What a participant's counters are computed from: its facts, with its exit and first employer contact when held.</summary>
internal static class ParticipantCounters
{
    public static async Task<CountedParticipant> OfAsync(ReportingDbContext db, ParticipantFact fact, CancellationToken ct)
    {
        // The exit and the first contact in one round trip: every enrolment and update asks for both.
        var held = (await db.Database.SqlQuery<HeldFacts>($"""
            SELECT x.exit_date AS "ExitDate", x.outcome AS "Outcome", x.gained_qualification AS "GainedQualification", c.presented_on AS "PresentedOn"
            FROM (SELECT 1) AS one
            LEFT JOIN participant_exits x ON x.participant_id = {fact.ParticipantId} AND x.collaboration_id = {fact.CollaborationId}
            LEFT JOIN first_employer_contacts c ON c.participant_id = {fact.ParticipantId}
            """).ToListAsync(ct))[0];
        var exit = held is { ExitDate: { } exitDate, Outcome: { } outcome }
            ? new ParticipantExit
            {
                ParticipantId = fact.ParticipantId, CollaborationId = fact.CollaborationId, ExitDate = exitDate, Outcome = outcome,
                GainedQualification = held.GainedQualification ?? false,
            }
            : null;
        return new(fact, exit, held.PresentedOn);
    }

    private sealed class HeldFacts
    {
        public DateOnly? ExitDate { get; init; }
        public int? Outcome { get; init; }
        public bool? GainedQualification { get; init; }
        public DateOnly? PresentedOn { get; init; }
    }
}
