using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
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

    protected async Task JoinAsync(Guid collaboration, Guid actor, CancellationToken ct)
    {
        var member = await Db.CollaborationMembers.FindAsync([collaboration, actor], ct);
        if (member is null)
            Db.CollaborationMembers.Add(new CollaborationMember { CollaborationId = collaboration, ActorId = actor });
        else
            member.Left = false;
    }
}

public sealed class CollaborationCreatedConsumer(WebhooksDbContext db) : CollaborationEventConsumer<CollaborationCreated>(db)
{
    protected override Guid CollaborationOf(CollaborationCreated m) => m.CollaborationId;
    protected override Task RememberAsync(CollaborationCreated m, CancellationToken ct) => JoinAsync(m.CollaborationId, m.OwnerActorId, ct);
}

public sealed class CollaborationUpdatedConsumer(WebhooksDbContext db) : CollaborationEventConsumer<CollaborationUpdated>(db)
{
    protected override Guid CollaborationOf(CollaborationUpdated m) => m.CollaborationId;
}

public sealed class MemberJoinedConsumer(WebhooksDbContext db) : CollaborationEventConsumer<MemberJoined>(db)
{
    protected override Guid CollaborationOf(MemberJoined m) => m.CollaborationId;
    protected override Task RememberAsync(MemberJoined m, CancellationToken ct) => JoinAsync(m.CollaborationId, m.ActorId, ct);
}

/// <summary>The leaving actor hears of its own leaving; afterwards it gets nothing more of the collaboration.</summary>
public sealed class MemberLeftConsumer(WebhooksDbContext db) : CollaborationEventConsumer<MemberLeft>(db)
{
    protected override Guid CollaborationOf(MemberLeft m) => m.CollaborationId;

    protected override async Task<IReadOnlyCollection<Guid>> AudienceAsync(MemberLeft m, CancellationToken ct) =>
        [.. (await base.AudienceAsync(m, ct)).Append(m.ActorId).Distinct()];

    protected override async Task RememberAsync(MemberLeft m, CancellationToken ct)
    {
        if (await Db.CollaborationMembers.FindAsync([m.CollaborationId, m.ActorId], ct) is { } member)
            member.Left = true;
    }
}
