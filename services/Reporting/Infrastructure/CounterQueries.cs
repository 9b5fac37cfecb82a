using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Reads pre-aggregated counts of one scope for a period, in one query. Between two dates: the period's years and
/// months from <see cref="ParticipantPeriodCount"/> and its edge days from the dated rows, a part-year or part-month
/// read as the whole less what lies outside where that is fewer rows (<see cref="PeriodSegments"/>). Up to a date:
/// the totals minus what is dated after it (the rest of its year the same way, later years by year). Either way the
/// rows read are bounded by the keys, not by the number of participants.
/// </summary>
public static class CounterQueries
{
    /// <summary>
    /// One branch per index range, not ORs: with ORs the generic plan of this statement filtered every row of the
    /// scope (33 ms at 1,000,000 participants instead of 3). The dated rows are summed by PostgreSQL (a period reads
    /// up to a dozen per key); the totals, one per key already, are not: a hash aggregate over the regional view's
    /// ~7,000 totals doubled the query's time (~6 ms against ~3). The dimension comes back as its position in $2,
    /// not as text: thousands of rows need no string for it.
    /// </summary>
    private const string Sql = """
        SELECT true, array_position($2, dimension::text), key, gender, count FROM participant_totals
        WHERE $3 AND collaboration_id = $1 AND dimension = ANY($2)
        UNION ALL
        SELECT false, array_position($2, dimension::text), key, gender, sum(count)::int FROM (
            SELECT dimension, key, gender, $4 * count AS count FROM participant_period_counts
            WHERE collaboration_id = $1 AND months = $5 AND start = ANY($6) AND dimension = ANY($2)
            UNION ALL
            SELECT dimension, key, gender, $4 * count FROM participant_period_counts
            WHERE collaboration_id = $1 AND months = $5 AND start > $7 AND dimension = ANY($2)
            UNION ALL
            SELECT dimension, key, gender, $4 * count FROM participant_period_counts
            WHERE collaboration_id = $1 AND months = $8 AND start = ANY($9) AND dimension = ANY($2)
            UNION ALL
            SELECT dimension, key, gender, -$4 * count FROM participant_period_counts
            WHERE collaboration_id = $1 AND months = $8 AND start = ANY($16) AND dimension = ANY($2)
            UNION ALL
            SELECT dimension, key, gender, $12 * count FROM participant_counts
            WHERE collaboration_id = $1 AND day BETWEEN $10 AND $11 AND dimension = ANY($2)
            UNION ALL
            SELECT dimension, key, gender, $15 * count FROM participant_counts
            WHERE collaboration_id = $1 AND day BETWEEN $13 AND $14 AND dimension = ANY($2)
        ) AS dated
        GROUP BY dimension, key, gender
        """;

    public static Task<List<DimensionCount>> CountsAsync(
        ReportingDbContext db, Guid scope, ReportPeriod period, IReadOnlyCollection<string> dimensions, CancellationToken ct)
    {
        var dims = dimensions.ToArray();
        return ReadBatchAsync(db, [Command(scope, period, dims)], reader => ReadAsync(reader, dims, ct), ct);
    }

    /// <summary>The counts query of <see cref="CountsAsync"/>, for a batch of its own; read its rows with <see cref="ReadAsync"/>.</summary>
    /// <param name="totals">
    /// False: as of a date, only what is dated after it (negative), for a caller that reads the totals elsewhere
    /// (<see cref="RegionalReads"/>).
    /// </param>
    internal static NpgsqlBatchCommand Command(Guid scope, ReportPeriod period, string[] dims, bool totals = true)
    {
        PeriodSegments segments;
        var withTotals = period.From is null;
        var laterYears = DateOnly.MaxValue; // years starting after this one; none by default
        if (period.From is { } from)
            segments = PeriodSegments.Of(from, period.To);
        else if (period.To == DateOnly.MaxValue)
            segments = PeriodSegments.Empty;
        else
        {
            var after = period.To.AddDays(1);
            segments = PeriodSegments.Of(after, new DateOnly(after.Year, 12, 31));
            laterYears = new DateOnly(after.Year, 1, 1);
        }
        var sign = withTotals ? -1 : 1;
        // At most two day ranges by construction (see PeriodSegments), each added or taken away; an absent one is
        // an empty BETWEEN.
        var ranges = segments.Days.Select(d => (d.From, d.To, Sign: sign))
            .Concat(segments.LessDays.Select(d => (d.From, d.To, Sign: -sign))).ToList();
        if (ranges.Count > 2)
            throw new InvalidOperationException($"{ranges.Count} day ranges; the query reads two at most.");
        var (f1, t1, s1) = ranges.Count > 0 ? ranges[0] : (DateOnly.MaxValue, DateOnly.MinValue, 0);
        var (f2, t2, s2) = ranges.Count > 1 ? ranges[1] : (DateOnly.MaxValue, DateOnly.MinValue, 0);
        return new NpgsqlBatchCommand(Sql)
        {
            Parameters =
            {
                new() { Value = scope }, new() { Value = dims }, new() { Value = withTotals && totals }, new() { Value = sign },
                new() { Value = ParticipantPeriodCount.Year }, new() { Value = segments.Years.ToArray() }, new() { Value = laterYears },
                new() { Value = ParticipantPeriodCount.Month }, new() { Value = segments.Months.ToArray() },
                new() { Value = f1 }, new() { Value = t1 }, new() { Value = s1 },
                new() { Value = f2 }, new() { Value = t2 }, new() { Value = s2 },
                new() { Value = segments.LessMonths.ToArray() },
            },
        };
    }

    /// <summary>The rows of one <see cref="Command"/>'s result, combined.</summary>
    internal static async Task<List<DimensionCount>> ReadAsync(NpgsqlDataReader reader, string[] dims, CancellationToken ct)
    {
        var totals = new List<DimensionCount>();
        var dated = new Dictionary<(string Dimension, string Key, Gender Gender), int>();
        while (await reader.ReadAsync(ct))
        {
            var isTotal = reader.GetBoolean(0);
            var count = new DimensionCount(dims[reader.GetInt32(1) - 1], reader.GetString(2), (Gender)reader.GetInt32(3), reader.GetInt32(4));
            if (isTotal)
                totals.Add(count);
            else
                dated[(count.Dimension, count.Key, count.Gender)] = count.Count;
        }
        return Combine(totals, dated);
    }

    /// <summary>
    /// Runs <paramref name="commands"/> in one round trip on the context's connection (and transaction, if any)
    /// and reads their results with <paramref name="read"/>. Npgsql directly rather than EF's SqlQuery: for the
    /// regional view's ~7,000 rows, EF's materialisation took as long as the query and left enough garbage for a
    /// collection every few requests; and a report's reads go in one batch instead of a round trip each.
    /// </summary>
    internal static async Task<T> ReadBatchAsync<T>(
        ReportingDbContext db, IEnumerable<NpgsqlBatchCommand> commands, Func<NpgsqlDataReader, Task<T>> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection())
            {
                Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            };
            foreach (var command in commands)
                batch.BatchCommands.Add(command);
            if (db.Database.GetCommandTimeout() is { } timeout)
                batch.Timeout = timeout;
            await using var reader = await batch.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            return await read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Each key's total (one row at most) plus its summed dated rows (one at most); the keys not at zero.</summary>
    private static List<DimensionCount> Combine(List<DimensionCount> totals, Dictionary<(string Dimension, string Key, Gender Gender), int> dated)
    {
        if (dated.Count == 0)
        {
            totals.RemoveAll(c => c.Count == 0);
            return totals;
        }
        var counts = new List<DimensionCount>(totals.Count + dated.Count);
        foreach (var total in totals)
        {
            var count = dated.Remove((total.Dimension, total.Key, total.Gender), out var change) ? total.Count + change : total.Count;
            if (count != 0)
                counts.Add(total with { Count = count });
        }
        foreach (var ((dimension, key, gender), count) in dated)
            if (count != 0)
                counts.Add(new DimensionCount(dimension, key, gender, count));
        return counts;
    }
}
