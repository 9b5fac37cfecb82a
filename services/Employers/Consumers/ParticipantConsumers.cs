using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Consumers;

/// <summary>
/// Keeps the enrolment: its start date for "days from enrolment to first employer contact", and the referring actor,
/// whose participant it is (<see cref="Apis.ParticipantAccess"/>; the index keeps who reaches each profile, hence a
/// matching consumer). Ignored for an erased participant.
/// </summary>
public sealed class ParticipantEnrolledConsumer(EmployersDbContext db, MatchingIndex index) : MatchingConsumer<ParticipantEnrolled>(db, index)
{
    protected override Guid ParticipantOf(ParticipantEnrolled message) => message.ParticipantId;

    protected override Task ApplyChangeAsync(ParticipantEnrolled message, ConsumeContext<ParticipantEnrolled> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static async Task ApplyAsync(EmployersDbContext db, ParticipantEnrolled message, CancellationToken ct)
    {
        await db.Database.LockAsync(message.ParticipantId, ct);
        if (await Erasures.IsErasedAsync(db, message.ParticipantId, ct))
            return;
        // Published once per participant and collaboration; the composite key makes a replay a no-op here.
        if (!await db.Enrolments.AnyAsync(e => e.ParticipantId == message.ParticipantId && e.CollaborationId == message.CollaborationId, ct))
            db.Enrolments.Add(new Enrolment
            {
                ParticipantId = message.ParticipantId, CollaborationId = message.CollaborationId, StartDate = message.StartDate,
                ReferringActorId = message.ReferringActorId,
            });
    }
}

/// <summary>
/// An exit to work ends the participant's pipelines that had not reached employment (their candidacies and
/// placements are over); an employment goes on, since Supported Employment follows people into work.
/// Pipelines already ended are left alone, so a replay changes nothing.
/// </summary>
public sealed class ParticipantExitedConsumer(EmployersDbContext db) : IdempotentConsumer<ParticipantExited, EmployersDbContext>(db)
{
    protected override Task HandleAsync(ParticipantExited message, ConsumeContext<ParticipantExited> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static async Task ApplyAsync(EmployersDbContext db, ParticipantExited message, CancellationToken ct)
    {
        if (!message.Outcome.IsWork())
            return;
        var open = await db.Pipelines
            .Where(p => p.ParticipantId == message.ParticipantId && p.Stage != PipelineStage.Ended && p.Stage != PipelineStage.Employed)
            .ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        foreach (var pipeline in open)
        {
            var last = pipeline.Stage;
            // An exit recorded with a date before the last step (events out of order) ends the pipeline on that step's date.
            var on = message.ExitDate < pipeline.StageDate ? pipeline.StageDate : message.ExitDate;
            if (pipeline.TryMoveTo(PipelineStage.Ended, on) != MoveOutcome.Moved)
                continue;
            db.AddIntegrationEvent(PipelineEvents.Ended(pipeline, last, now));
        }
    }
}

/// <summary>
/// Purges what this service holds about an erased participant: the matching profile, the consents and the
/// enrolment go; pipelines keep their counts but lose the link, and support notes (which may describe the
/// person) are cleared. The id is kept as a tombstone (<see cref="ErasedParticipant"/>), so that nothing arriving
/// later about it — a late consent or enrolment, a profile write — brings the participant back.
/// </summary>
public sealed class ParticipantErasedConsumer(EmployersDbContext db, MatchingIndex index) : MatchingConsumer<ParticipantErased>(db, index)
{
    protected override Guid ParticipantOf(ParticipantErased message) => message.ParticipantId;

    protected override Task ApplyChangeAsync(ParticipantErased message, ConsumeContext<ParticipantErased> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static async Task ApplyAsync(EmployersDbContext db, ParticipantErased message, CancellationToken ct)
    {
        var id = message.ParticipantId;
        await db.Database.LockAsync(id, ct);
        if (!await Erasures.IsErasedAsync(db, id, ct))
            db.ErasedParticipants.Add(new ErasedParticipant { IdHash = Copies.TombstoneOf(id) });
        await db.MatchingProfiles.Where(p => p.ParticipantId == id).ExecuteDeleteAsync(ct);
        await db.ParticipantConsents.Where(c => c.ParticipantId == id).ExecuteDeleteAsync(ct);
        await db.Enrolments.Where(e => e.ParticipantId == id).ExecuteDeleteAsync(ct);
        await db.SupportContacts.Where(s => db.Pipelines.Any(p => p.Id == s.PipelineId && p.ParticipantId == id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Notes, (string?)null), ct);
        await db.Pipelines.Where(p => p.ParticipantId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ParticipantId, (Guid?)null), ct);
    }
}

/// <summary>
/// The tombstones of erased participants (<see cref="ErasedParticipant"/>). Every consumer that checks for one, and the
/// erasure that writes it, first takes the participant's lock (<see cref="Copies.LockAsync"/>), so a late enrolment or
/// consent running beside the erasure cannot slip past it.
/// </summary>
public static class Erasures
{
    public static Task<bool> IsErasedAsync(EmployersDbContext db, Guid participantId, CancellationToken ct)
    {
        var hash = Copies.TombstoneOf(participantId);
        return db.ErasedParticipants.AnyAsync(e => e.IdHash == hash, ct);
    }
}
