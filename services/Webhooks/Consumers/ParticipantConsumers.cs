using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Participants;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Consumers;

/// <summary>
/// Participants' events go to the agency that enrolled the participant in that collaboration, and to no one else: a
/// participant id is pseudonymous, but another agency has no business knowing how someone else's participant fares.
/// </summary>
public abstract class ParticipantEventConsumer<TMessage>(WebhooksDbContext db) : WebhookConsumer<TMessage>(db) where TMessage : class
{
    protected abstract (Guid Participant, Guid Collaboration) SubjectOf(TMessage message);

    protected override async Task<IReadOnlyCollection<Guid>> AudienceAsync(TMessage message, CancellationToken ct)
    {
        var (participant, collaboration) = SubjectOf(message);
        var owner = await Db.ParticipantOwners
            .Where(o => o.ParticipantId == participant && o.CollaborationId == collaboration)
            .Select(o => (Guid?)o.AgencyId).FirstOrDefaultAsync(ct);
        return owner is { } agency ? [agency] : throw new ParticipantNotYetKnownException(participant);
    }
}

public sealed class ParticipantEnrolledConsumer(WebhooksDbContext db) : ParticipantEventConsumer<ParticipantEnrolled>(db)
{
    protected override (Guid, Guid) SubjectOf(ParticipantEnrolled m) => (m.ParticipantId, m.CollaborationId);

    protected override async Task RememberAsync(ParticipantEnrolled m, CancellationToken ct)
    {
        if (!await Db.ParticipantOwners.AnyAsync(o => o.ParticipantId == m.ParticipantId && o.CollaborationId == m.CollaborationId, ct))
            Db.ParticipantOwners.Add(new ParticipantOwner { ParticipantId = m.ParticipantId, CollaborationId = m.CollaborationId, AgencyId = m.ReferringActorId });
    }
}

public sealed class ParticipantUpdatedConsumer(WebhooksDbContext db) : ParticipantEventConsumer<ParticipantUpdated>(db)
{
    protected override (Guid, Guid) SubjectOf(ParticipantUpdated m) => (m.ParticipantId, m.CollaborationId);
}

public sealed class ParticipantExitedConsumer(WebhooksDbContext db) : ParticipantEventConsumer<ParticipantExited>(db)
{
    protected override (Guid, Guid) SubjectOf(ParticipantExited m) => (m.ParticipantId, m.CollaborationId);
}

public sealed class MonthlyHoursRecordedConsumer(WebhooksDbContext db) : ParticipantEventConsumer<MonthlyHoursRecorded>(db)
{
    protected override (Guid, Guid) SubjectOf(MonthlyHoursRecorded m) => (m.ParticipantId, m.CollaborationId);
}

public sealed class ValidationCompletedConsumer(WebhooksDbContext db) : ParticipantEventConsumer<ValidationCompleted>(db)
{
    protected override (Guid, Guid) SubjectOf(ValidationCompleted m) => (m.ParticipantId, m.CollaborationId);
}

public sealed class FollowUpRecordedConsumer(WebhooksDbContext db) : ParticipantEventConsumer<FollowUpRecorded>(db)
{
    protected override (Guid, Guid) SubjectOf(FollowUpRecorded m) => (m.ParticipantId, m.CollaborationId);
}

/// <summary>
/// The owner hears of the erasure; then this service forgets whose participant it was, as every service purges what it
/// keys by the participant. Deliveries already made stay in the owner's delivery list: they hold ids only.
/// </summary>
public sealed class ParticipantErasedConsumer(WebhooksDbContext db) : ParticipantEventConsumer<ParticipantErased>(db)
{
    protected override (Guid, Guid) SubjectOf(ParticipantErased m) => (m.ParticipantId, m.CollaborationId);

    protected override async Task HandleAsync(ParticipantErased message, ConsumeContext<ParticipantErased> context)
    {
        await base.HandleAsync(message, context);
        await Db.ParticipantOwners.Where(o => o.ParticipantId == message.ParticipantId).ExecuteDeleteAsync(context.CancellationToken);
    }
}
