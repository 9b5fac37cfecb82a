using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Consumers;

/// <summary>A collaboration's events go to its current members; the owner is one from the start.</summary>
public abstract class CollaborationEventConsumer<TMessage>(WebhooksDbContext db) : WebhookConsumer<TMessage>(db) where TMessage : class
{
    protected abstract Guid CollaborationOf(TMessage message);

    protected override async Task<IReadOnlyCollection<Guid>> AudienceAsync(TMessage message, CancellationToken ct)
    {
        var collaboration = CollaborationOf(message);
        return await Db.CollaborationMembers.Where(m => m.CollaborationId == collaboration && !m.Left).Select(m => m.ActorId).ToListAsync(ct);
    }

    /// <summary>Applies a membership state of Actors' (joined or left) when its revision is newer than the one held.</summary>
    public static Task SetMembershipAsync(WebhooksDbContext db, Guid collaboration, Guid actor, bool left, long? revision, CancellationToken ct) =>
        db.CollaborationMembers.ApplyIfNewerAsync([collaboration, actor], revision,
            () => new CollaborationMember { CollaborationId = collaboration, ActorId = actor }, m => m.Left = left, ct);
}

public sealed class CollaborationCreatedConsumer(WebhooksDbContext db) : CollaborationEventConsumer<CollaborationCreated>(db)
{
    protected override Guid CollaborationOf(CollaborationCreated m) => m.CollaborationId;
    protected override Task RememberAsync(CollaborationCreated m, CancellationToken ct) => ApplyAsync(Db, m, ct);

    public static Task ApplyAsync(WebhooksDbContext db, CollaborationCreated m, CancellationToken ct) =>
        SetMembershipAsync(db, m.CollaborationId, m.OwnerActorId, left: false, m.Revision, ct);
}

public sealed class CollaborationUpdatedConsumer(WebhooksDbContext db) : CollaborationEventConsumer<CollaborationUpdated>(db)
{
    protected override Guid CollaborationOf(CollaborationUpdated m) => m.CollaborationId;
}

public sealed class MemberJoinedConsumer(WebhooksDbContext db) : CollaborationEventConsumer<MemberJoined>(db)
{
    protected override Guid CollaborationOf(MemberJoined m) => m.CollaborationId;
    protected override Task RememberAsync(MemberJoined m, CancellationToken ct) => ApplyAsync(Db, m, ct);

    public static Task ApplyAsync(WebhooksDbContext db, MemberJoined m, CancellationToken ct) =>
        SetMembershipAsync(db, m.CollaborationId, m.ActorId, left: false, m.Revision, ct);
}

/// <summary>The leaving actor hears of its own leaving; afterwards it gets nothing more of the collaboration.</summary>
public sealed class MemberLeftConsumer(WebhooksDbContext db) : CollaborationEventConsumer<MemberLeft>(db)
{
    protected override Guid CollaborationOf(MemberLeft m) => m.CollaborationId;

    protected override async Task<IReadOnlyCollection<Guid>> AudienceAsync(MemberLeft m, CancellationToken ct) =>
        [.. (await base.AudienceAsync(m, ct)).Append(m.ActorId).Distinct()];

    protected override Task RememberAsync(MemberLeft m, CancellationToken ct) => ApplyAsync(Db, m, ct);

    public static Task ApplyAsync(WebhooksDbContext db, MemberLeft m, CancellationToken ct) =>
        SetMembershipAsync(db, m.CollaborationId, m.ActorId, left: true, m.Revision, ct);
}
