using Samverkan.Contracts.Actors;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Consumers;

public sealed class CollaborationCreatedConsumer(ReportingDbContext db) : ReportingConsumer<CollaborationCreated>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(CollaborationCreated message, CancellationToken ct)
    {
        Db.ChangedScopes.Add(message.CollaborationId);
        var fact = await Db.CollaborationFacts.FindAsync([message.CollaborationId], ct);
        if (fact is null)
            Db.CollaborationFacts.Add(CollaborationFact.From(message));
        // else: an update overtook the creation and already holds a later state
    }
}

public sealed class CollaborationUpdatedConsumer(ReportingDbContext db) : ReportingConsumer<CollaborationUpdated>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(CollaborationUpdated message, CancellationToken ct)
    {
        Db.ChangedScopes.Add(message.CollaborationId);
        var fact = await Db.CollaborationFacts.FindAsync([message.CollaborationId], ct);
        if (fact is null)
        {
            fact = new CollaborationFact { CollaborationId = message.CollaborationId, AsOf = DateTimeOffset.MinValue };
            Db.CollaborationFacts.Add(fact);
        }
        fact.Apply(message);
    }
}

public sealed class MemberJoinedConsumer(ReportingDbContext db) : ReportingConsumer<MemberJoined>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(MemberJoined message, CancellationToken ct)
    {
        Db.ChangedScopes.Add(message.CollaborationId);
        var member = await Db.CollaborationMembers.FindAsync([message.CollaborationId, message.ActorId], ct);
        if (member is null)
            Db.CollaborationMembers.Add(member = new CollaborationMember { CollaborationId = message.CollaborationId, ActorId = message.ActorId });
        member.Role = message.Role;
        member.JoinedOn = message.JoinedOn;
        if (member.LeftOn is { } left && message.JoinedOn > left)
            member.LeftOn = null; // joined again after leaving; a leave that overtook this join stands
    }
}

public sealed class MemberLeftConsumer(ReportingDbContext db) : ReportingConsumer<MemberLeft>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(MemberLeft message, CancellationToken ct)
    {
        Db.ChangedScopes.Add(message.CollaborationId);
        var member = await Db.CollaborationMembers.FindAsync([message.CollaborationId, message.ActorId], ct);
        if (member is null)
            Db.CollaborationMembers.Add(member = new CollaborationMember
            {
                CollaborationId = message.CollaborationId, ActorId = message.ActorId, Role = MemberRole.Partner, JoinedOn = message.LeftOn,
            });
        member.LeftOn = message.LeftOn;
    }
}
