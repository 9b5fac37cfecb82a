using MassTransit;
using Samverkan.Contracts.Actors;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

public sealed class CollaborationCreatedConsumer(ReportingDbContext db)
    : IdempotentConsumer<CollaborationCreated, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(CollaborationCreated message, ConsumeContext<CollaborationCreated> context)
    {
        var fact = await Db.CollaborationFacts.FindAsync([message.CollaborationId], context.CancellationToken);
        if (fact is null)
            Db.CollaborationFacts.Add(CollaborationFact.From(message));
        // else: an update overtook the creation and already holds a later state
    }
}

public sealed class CollaborationUpdatedConsumer(ReportingDbContext db)
    : IdempotentConsumer<CollaborationUpdated, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(CollaborationUpdated message, ConsumeContext<CollaborationUpdated> context)
    {
        var fact = await Db.CollaborationFacts.FindAsync([message.CollaborationId], context.CancellationToken);
        if (fact is null)
        {
            fact = new CollaborationFact { CollaborationId = message.CollaborationId, AsOf = DateTimeOffset.MinValue };
            Db.CollaborationFacts.Add(fact);
        }
        fact.Apply(message);
    }
}

public sealed class MemberJoinedConsumer(ReportingDbContext db)
    : IdempotentConsumer<MemberJoined, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(MemberJoined message, ConsumeContext<MemberJoined> context)
    {
        var member = await Db.CollaborationMembers.FindAsync([message.CollaborationId, message.ActorId], context.CancellationToken);
        if (member is null)
            Db.CollaborationMembers.Add(member = new CollaborationMember { CollaborationId = message.CollaborationId, ActorId = message.ActorId });
        member.Role = message.Role;
        member.JoinedOn = message.JoinedOn;
        if (member.LeftOn is { } left && message.JoinedOn > left)
            member.LeftOn = null; // joined again after leaving; a leave that overtook this join stands
    }
}

public sealed class MemberLeftConsumer(ReportingDbContext db)
    : IdempotentConsumer<MemberLeft, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(MemberLeft message, ConsumeContext<MemberLeft> context)
    {
        var member = await Db.CollaborationMembers.FindAsync([message.CollaborationId, message.ActorId], context.CancellationToken);
        if (member is null)
            Db.CollaborationMembers.Add(member = new CollaborationMember
            {
                CollaborationId = message.CollaborationId, ActorId = message.ActorId, Role = MemberRole.Partner, JoinedOn = message.LeftOn,
            });
        member.LeftOn = message.LeftOn;
    }
}
