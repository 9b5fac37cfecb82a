using MassTransit;
using Samverkan.Contracts.Actors;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

public sealed class ActorRegisteredConsumer(ReportingDbContext db)
    : IdempotentConsumer<ActorRegistered, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(ActorRegistered message, ConsumeContext<ActorRegistered> context)
    {
        // Two deliveries of the same actor racing past this lookup meet at the primary key: the loser
        // fails, is retried, and then finds the row.
        var fact = await Db.ActorFacts.FindAsync([message.ActorId], context.CancellationToken);
        if (fact is null)
            Db.ActorFacts.Add(ActorFact.From(message));
        else
            fact.Apply(message);
    }
}
