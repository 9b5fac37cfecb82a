using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
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
    protected sealed override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context) =>
        ConsumeAsync(context.MessageId!.Value, message, context.CancellationToken);

    /// <summary>
    /// What a delivery does, in the inbox's transaction: an event about an erased participant is dropped (see
    /// <see cref="ErasedParticipant"/>), neither applied nor kept in the history; any other goes into the history, then is
    /// applied, then raises the versions of what it changed.
    /// </summary>
    public async Task ConsumeAsync(Guid messageId, TMessage message, CancellationToken ct)
    {
        // The context serves a batch of messages (and retries): each raises only what it changed itself.
        Db.ChangedScopes.Clear();
        if (ParticipantKey<TMessage>.Of(message) is { } participant)
        {
            // The erasure takes the same lock before it writes the tombstone: no event about the participant can check
            // before the tombstone is committed and write after the erasure has moved the participant's rows.
            await CounterWriter.LockParticipantAsync(Db, participant, ct);
            var hash = Copies.TombstoneOf(participant);
            if (await Db.ErasedParticipants.AnyAsync(e => e.IdHash == hash, ct))
                return;
        }
        await EventHistory.AppendAsync(Db, messageId, InHistory(message), ct);
        await ApplyAsync(message, ct);
        IReadOnlyCollection<Guid> raised = Reach switch
        {
            ReadModelReach.All => [ReadModelVersions.Global],
            // A collaboration's figures also decide the region's suppression (ScopePatterns.DecideRegional).
            ReadModelReach.Scopes when Db.ChangedScopes.Count > 0 => [.. Db.ChangedScopes, Dimensions.AllCollaborations],
            _ => [],
        };
        if (raised.Count > 0 && Db.Batch.Collecting)
            Db.Batch.Raise(raised, messageId);
        else if (raised.Count > 0)
            await ReadModelVersions.BumpAsync(Db, raised, messageId, ct);
        Db.ChangedScopes.Clear();
    }

    // A delivery batch's counters and version raises go out once, merged, before it commits (BatchWrites).
    protected sealed override void BatchStarting() => Db.Batch.Begin();

    protected sealed override Task BatchCompletingAsync(CancellationToken ct) => Db.Batch.FlushAsync(Db, ct);

    protected sealed override void BatchAbandoned() => Db.Batch.Clear();

    /// <summary>The message as the history keeps it: as it arrived, unless the consumer knows better.</summary>
    protected virtual TMessage InHistory(TMessage message) => message;

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

/// <summary>
/// The participant an event is about: its <c>ParticipantId</c>, found once per event type, so that every event keyed by
/// a participant (Participants' and Employers' alike, and any added later) meets the erasure's tombstone without each
/// consumer having to remember it.
/// </summary>
internal static class ParticipantKey<TMessage>
{
    private static readonly System.Reflection.PropertyInfo? Property = typeof(TMessage).GetProperty("ParticipantId") is { } p
        && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?)) ? p : null;

    public static Guid? Of(TMessage message) => Property is null ? null : (Guid?)Property.GetValue(message);
}
