using MassTransit;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

/// <summary>What a consumer's changes can alter in cached reports, and so which versions it raises.</summary>
public enum ReadModelReach
{
    /// <summary>Nothing: the event is kept in the history only.</summary>
    None,
    /// <summary>
    /// Only the counters, hours and collaboration facts of the scopes it records in
    /// <see cref="ReportingDbContext.ChangedScopes"/> (besides tables no cached report reads): those scopes' versions.
    /// </summary>
    Scopes,
    /// <summary>Anything: the <see cref="ReadModelVersions.Global"/> version, which outdates every cached report.</summary>
    All,
}

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
        var ct = context.CancellationToken;
        // The context serves a batch of messages (and retries): each raises only what it changed itself.
        Db.ChangedScopes.Clear();
        await EventHistory.AppendAsync(Db, context.MessageId!.Value, message, ct);
        await ApplyAsync(message, ct);
        switch (Reach)
        {
            case ReadModelReach.All:
                await ReadModelVersions.BumpAsync(Db, [ReadModelVersions.Global], context.MessageId.Value, ct);
                break;
            case ReadModelReach.Scopes when Db.ChangedScopes.Count > 0:
                await ReadModelVersions.BumpAsync(Db, Db.ChangedScopes, context.MessageId.Value, ct);
                break;
        }
        Db.ChangedScopes.Clear();
    }

    public abstract Task ApplyAsync(TMessage message, CancellationToken ct);

    /// <summary>
    /// <see cref="ReadModelReach.All"/> unless the consumer knows better: a consumer that says
    /// <see cref="ReadModelReach.Scopes"/> must record every scope whose counters, hours or collaboration facts it
    /// changes, and change nothing else a cached report reads.
    /// </summary>
    protected virtual ReadModelReach Reach => ReadModelReach.All;
}

/// <summary>An event Reporting keeps in its history only, for reports (and rebuilds) still to come.</summary>
public abstract class HistoryOnlyConsumer<TMessage>(ReportingDbContext db) : ReportingConsumer<TMessage>(db)
    where TMessage : class
{
    public sealed override Task ApplyAsync(TMessage message, CancellationToken ct) => Task.CompletedTask;

    protected sealed override ReadModelReach Reach => ReadModelReach.None;
}
