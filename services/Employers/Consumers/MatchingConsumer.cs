using MassTransit;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Consumers;

/// <summary>
/// A consumer whose change can make a participant matchable or not. Inside the change's transaction it announces the
/// participant on the <see cref="MatchingIndexNotices"/> channel, which PostgreSQL delivers to the other Employers
/// instances once the transaction has committed: they share this queue, so they never see the message itself. The base
/// commits the change; only then is the participant re-read into this instance's <see cref="MatchingIndex"/>, so that
/// it is in step when the message counts as handled (re-reading before the commit would see the old state).
/// <see cref="IConsumer{T}"/> is implemented again here so that MassTransit calls this Consume, which wraps the base's.
/// </summary>
public abstract class MatchingConsumer<TMessage>(EmployersDbContext db, MatchingIndex index)
    : IdempotentConsumer<TMessage, EmployersDbContext>(db), IConsumer<TMessage>
    where TMessage : class
{
    protected abstract Guid ParticipantOf(TMessage message);

    /// <summary>The change itself, in the consumer's transaction.</summary>
    protected abstract Task ApplyChangeAsync(TMessage message, ConsumeContext<TMessage> context);

    protected sealed override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        await ApplyChangeAsync(message, context);
        await MatchingIndexNotices.NotifyAsync(Db, index, [ParticipantOf(message)], context.CancellationToken);
    }

    public new async Task Consume(ConsumeContext<TMessage> context)
    {
        await base.Consume(context);
        await index.RefreshAsync([ParticipantOf(context.Message)], context.CancellationToken);
    }
}
