using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Samverkan.Testing.Copies;

/// <summary>
/// Runs a property over many random cases, each from a seed of its own, for at most a given time. A failure names its
/// seed; <c>SAMVERKAN_PROPERTY_SEED=&lt;seed&gt;</c> runs that one case again first.
/// </summary>
public static class PropertyRuns
{
    public static async Task ForSeedsAsync(int runs, TimeSpan budget, Func<Random, Task> property)
    {
        var pinned = int.TryParse(Environment.GetEnvironmentVariable("SAMVERKAN_PROPERTY_SEED"), out var fixedSeed) ? fixedSeed : (int?)null;
        var first = pinned ?? Random.Shared.Next();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs && (i == 0 || clock.Elapsed < budget); i++)
        {
            var seed = unchecked(first + i);
            try
            {
                await property(new Random(seed));
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"The property failed for seed {seed} (after {i} passing cases); " +
                    $"run it again with SAMVERKAN_PROPERTY_SEED={seed}.{Environment.NewLine}{ex.Message}");
            }
        }
    }

    /// <summary>Each event one to three times, in a random order: what at-least-once delivery with retries and two consumers may do.</summary>
    public static List<T> Deliveries<T>(Random rng, IEnumerable<T> events)
    {
        var deliveries = events.SelectMany(e => Enumerable.Repeat(e, rng.Next(1, 4))).ToList();
        for (var i = deliveries.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (deliveries[i], deliveries[j]) = (deliveries[j], deliveries[i]);
        }
        return deliveries;
    }

    /// <summary>The deliveries cut into runs of one to three, as the inbox's group commit hands them to one DbContext.</summary>
    public static IEnumerable<List<T>> Batches<T>(Random rng, List<T> deliveries)
    {
        for (var i = 0; i < deliveries.Count;)
        {
            var size = Math.Min(rng.Next(1, 4), deliveries.Count - i);
            yield return deliveries.GetRange(i, size);
            i += size;
        }
    }

    /// <summary>
    /// Delivers <paramref name="events"/> as at-least-once delivery may (<see cref="Deliveries{T}"/> in
    /// <see cref="Batches{T}"/>): one DbContext and transaction per batch, saved after each message, as the inbox's group
    /// commit does, each message applied by <paramref name="apply"/> (the consumers' own code). <paramref name="batchStarting"/>
    /// and <paramref name="batchCompleting"/> run around each batch in its transaction, as the consumer base's hooks do; a
    /// message <paramref name="savedWithBatch"/> says yes to is saved with the batch's end, as its consumer's
    /// <c>SavesOncePerBatch</c> has it.
    /// </summary>
    public static async Task DeliverAsync<TDb>(Random rng, IEnumerable<object> events, Func<TDb> open, Func<TDb, object, Task> apply,
        Action<TDb>? batchStarting = null, Func<TDb, Task>? batchCompleting = null, Func<object, bool>? savedWithBatch = null)
        where TDb : DbContext
    {
        foreach (var batch in Batches(rng, Deliveries(rng, events)))
        {
            await using var db = open();
            await using var transaction = await db.Database.BeginTransactionAsync();
            batchStarting?.Invoke(db);
            foreach (var message in batch)
            {
                await apply(db, message);
                if (savedWithBatch?.Invoke(message) != true)
                    await db.SaveChangesAsync();
            }
            await db.SaveChangesAsync();
            if (batchCompleting is not null)
                await batchCompleting(db);
            await transaction.CommitAsync();
        }
    }
}
