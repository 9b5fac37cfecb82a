using Npgsql;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Reads a cross-table's counters in one round trip: per key pair, gender and measure, the counts in the period (its
/// months) and up to its end (the totals less the months after it). Index ranges of cross_counts only; no participant is read.
/// </summary>
public static class CrossTableReads
{
    private const string CountsSql = """
        SELECT row_key, column_key, gender, measure,
            sum(count) FILTER (WHERE months = 1 AND start >= $4 AND start <= $5)::int AS in_period,
            (coalesce(sum(count) FILTER (WHERE months = 0), 0) - coalesce(sum(count) FILTER (WHERE months = 1 AND start > $5), 0))::int AS cumulative
        FROM cross_counts
        WHERE scope = $1 AND rows = $2 AND columns = $3 AND (months = 0 OR (months = 1 AND start >= least($4, $5 + 1)))
        GROUP BY 1, 2, 3, 4
        """;

    private const string ActorNamesSql = """
        SELECT actor_id, name FROM actor_facts
        WHERE actor_id IN (SELECT row_key::uuid FROM cross_counts WHERE scope = $1 AND rows = $2 AND columns = '' AND months = 0 AND $3)
        """;

    public static async Task<(List<CrossCell> Cells, Dictionary<Guid, string> ActorNames)> ReadAsync(
        ReportingDbContext db, Guid scope, Dimension rows, Dimension? columns, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        // Everything counted so far when there is no end; nothing in the period when there is no start.
        var end = to ?? DateOnly.FromDayNumber(DateOnly.MaxValue.DayNumber - 1);
        var start = from ?? DateOnly.MaxValue;
        var actors = rows.Name == Dimensions.ReferringActor || columns?.Name == Dimensions.ReferringActor;
        NpgsqlBatchCommand[] commands =
        [
            new(CountsSql)
            {
                Parameters =
                {
                    new() { Value = scope }, new() { Value = rows.CrossTable! }, new() { Value = columns?.CrossTable ?? "" },
                    new() { Value = start }, new() { Value = end },
                },
            },
            new(ActorNamesSql) { Parameters = { new() { Value = scope }, new() { Value = Dimensions.ReferringActor }, new() { Value = actors } } },
        ];
        return await CounterQueries.ReadBatchAsync(db, commands, async reader =>
        {
            var cells = new List<CrossCell>();
            while (await reader.ReadAsync(ct))
                cells.Add(new CrossCell(reader.GetString(0), reader.GetString(1), (Gender)reader.GetInt32(2), reader.GetString(3),
                    reader.IsDBNull(4) ? 0 : reader.GetInt32(4), reader.GetInt32(5)));
            await reader.NextResultAsync(ct);
            var names = new Dictionary<Guid, string>();
            while (await reader.ReadAsync(ct))
                names[reader.GetGuid(0)] = reader.GetString(1);
            return (cells, names);
        }, ct);
    }
}
