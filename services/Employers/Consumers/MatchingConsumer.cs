using MassTransit;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Consumers;

/// <summary>
/// A consumer whose change can make a participant matchable or not. The base commits the change; only then is
/// the participant re-read into the <see cref="MatchingIndex"/> — re-reading before the commit would see the old
/// state. <see cref="IConsumer{T}"/> is implemented again here so that MassTransit calls this Consume, which
/// wraps the base's.
/// </summary>
public abstract class MatchingConsumer<TMessage>(EmployersDbContext db, MatchingIndex index)
    : IdempotentConsumer<TMessage, EmployersDbContext>(db), IConsumer<TMessage>
    where TMessage : class
{
    protected abstract Guid ParticipantOf(TMessage message);

    public new async Task Consume(ConsumeContext<TMessage> context)
    {
        await base.Consume(context);
        await index.RefreshAsync([ParticipantOf(context.Message)], context.CancellationToken);
    }
}
