using MassTransit;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

/// <summary>
/// A Reporting consumer: appends the event to the history first (so a running rebuild, which locks the
/// history, holds it back before it touches a read model), then applies it. <see cref="ApplyAsync"/> is also
/// what the rebuild calls to replay the events it does not rebuild set-based. A consumer that changes read
/// models raises their version in the same transaction, which is what tells cached reports they are out of date.
/// </summary>
public abstract class ReportingConsumer<TMessage>(ReportingDbContext db) : IdempotentConsumer<TMessage, ReportingDbContext>(db)
    where TMessage : class
{
    protected sealed override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        await EventHistory.AppendAsync(Db, context.MessageId!.Value, message, context.CancellationToken);
        await ApplyAsync(message, context.CancellationToken);
        if (ChangesReadModels)
            await ReadModelVersions.BumpAsync(Db, context.MessageId.Value, context.CancellationToken);
    }

    public abstract Task ApplyAsync(TMessage message, CancellationToken ct);

    /// <summary>False for events kept in the history only: no report can have changed.</summary>
    protected virtual bool ChangesReadModels => true;
}

/// <summary>An event Reporting keeps in its history only, for reports (and rebuilds) still to come.</summary>
public abstract class HistoryOnlyConsumer<TMessage>(ReportingDbContext db) : ReportingConsumer<TMessage>(db)
    where TMessage : class
{
    public sealed override Task ApplyAsync(TMessage message, CancellationToken ct) => Task.CompletedTask;

    protected sealed override bool ChangesReadModels => false;
}
