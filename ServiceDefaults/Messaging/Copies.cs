using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// A row that copies state another service owns (an actor, a collaboration, a membership, an employer). It holds the
/// source's <see cref="Revision"/> of that state: the owner raises it by one with every event about the aggregate, so a
/// copy can tell a newer state from an older one whatever order the events arrive in and however often.
/// </summary>
public interface ICopy
{
    /// <summary>The owner's revision of the state held; 0 before any revisioned state arrived.</summary>
    long Revision { get; set; }
}

/// <summary>
/// The one rule every copying consumer follows: a state is applied only when its revision is newer than the one held
/// (an older or equal one — a late or repeated delivery — changes nothing), so the copy ends equal to the owner's
/// latest state in any order of delivery. Facts that commute (a set of membership changes) need no revision.
/// </summary>
/// <remarks>
/// Two consumers applying different states of one copy at once cannot both win: <see cref="ICopy.Revision"/> is a
/// concurrency token (<see cref="MapCopies"/>), so the later commit fails, is retried, and then compares again.
/// </remarks>
public static class Copies
{
    /// <summary>
    /// Finds the copy under <paramref name="key"/> (or starts one with <paramref name="create"/>) and applies
    /// <paramref name="apply"/> when <paramref name="revision"/> is newer than the copy's. An event from before
    /// revisions (<paramref name="revision"/> null, e.g. replayed from Reporting's history) is applied as it
    /// arrives, as all were then, and leaves the held revision as it is. Returns whether the state was applied.
    /// </summary>
    public static async Task<bool> ApplyIfNewerAsync<TCopy>(
        this DbSet<TCopy> copies, object[] key, long? revision, Func<TCopy> create, Action<TCopy> apply, CancellationToken ct)
        where TCopy : class, ICopy
    {
        // Find also sees a row added earlier in the same batch. Two first deliveries racing past it meet at the
        // primary key: the loser fails, is retried, and then finds the row.
        var held = await copies.FindAsync(key, ct);
        if (held is not null)
            return held.ApplyIfNewer(revision, apply);
        held = create();
        copies.Add(held);
        apply(held);
        if (revision is { } applied)
            held.Revision = applied;
        return true;
    }

    /// <summary>
    /// Whether a state of <paramref name="revision"/> is newer than the one <paramref name="held"/> holds (a state from
    /// before revisions, null, always is). For a consumer that must read what it is about to replace, e.g. to subtract it.
    /// </summary>
    public static bool IsNewer(this ICopy held, long? revision) => revision is not { } newer || newer > held.Revision;

    /// <summary>
    /// The rule of <see cref="ApplyIfNewerAsync{TCopy}"/> on a copy already at hand, for one that is not simply found
    /// by its key or must not be started by the state (a correction that arrived before what it corrects).
    /// </summary>
    public static bool ApplyIfNewer<TCopy>(this TCopy held, long? revision, Action<TCopy> apply) where TCopy : class, ICopy
    {
        if (!held.IsNewer(revision))
            return false;
        apply(held);
        if (revision is { } applied)
            held.Revision = applied;
        return true;
    }

    /// <summary>
    /// What a tombstone of an erased aggregate holds instead of its id: a SHA-256 of it, enough to recognise an event about
    /// it that arrives after the erasure, and nothing to link the copy's re-keyed rows back to the id.
    /// </summary>
    public static byte[] TombstoneOf(Guid aggregateId) => System.Security.Cryptography.SHA256.HashData(aggregateId.ToByteArray());

    /// <summary>
    /// Holds, until the transaction ends, a lock on one aggregate of the source (a participant, by its id): consumers that
    /// take it before reading what they hold of it apply their events about it one after another. Where an erasure is a
    /// tombstone, this is what keeps a late enrolment or consent from slipping past it: without the lock, one transaction
    /// can check for the tombstone while another, not yet committed, writes it and purges what it cannot yet see.
    /// </summary>
    public static Task LockAsync(this DatabaseFacade database, Guid aggregateId, CancellationToken ct) =>
        database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({aggregateId.ToString()}, 0))", ct);

    /// <summary>
    /// Maps <see cref="ICopy.Revision"/> of every copy entity as column <c>revision</c>, a concurrency token. Call from
    /// each service's <c>OnModelCreating</c>, after its own configurations.
    /// </summary>
    public static ModelBuilder MapCopies(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ICopy).IsAssignableFrom(t.ClrType)).ToList())
            modelBuilder.Entity(entity.ClrType).Property(nameof(ICopy.Revision)).HasColumnName("revision").IsConcurrencyToken();
        return modelBuilder;
    }
}
