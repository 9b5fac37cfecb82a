using Npgsql;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Reads a cross-table's counters in one round trip: one index range of the pair's cells (<see cref="CrossCount"/>), and
/// from each cell's series two slices, every measure's counts up to the period's last month and up to the month before its
/// first. The counts up to the end are the first; in the period, the first less the second. No participant is read, and
/// the months of a period cost nothing: a cell's months are found by binary search (width_bucket).
/// </summary>
public static class CrossTableReads
{
    // $4: the period's last month, $5: the month before its first (CrossSeries.MonthNumber). width_bucket counts the months
    // listed up to it (0: none, and the slice is empty, read as zeros); the stride is the measures a row holds.
    private const string CountsSql = """
        SELECT row_key, column_key, gender, counts[(e - 1) * m + 1 : e * m], counts[(s - 1) * m + 1 : s * m]
        FROM (
            SELECT row_key, column_key, gender, counts, cardinality(counts) / cardinality(months) AS m,
                width_bucket($4, months) AS e, width_bucket($5, months) AS s
            FROM cross_counts
            WHERE scope = $1 AND rows = $2 AND columns = $3 AND cardinality(months) > 0
        ) AS c
        """;

    private const string ActorNamesSql = """
        SELECT actor_id, name FROM actor_facts
        WHERE actor_id IN (SELECT row_key::uuid FROM cross_counts WHERE scope = $1 AND rows = $2 AND columns = '' AND $3)
        """;

    public static async Task<(List<CrossCell> Cells, Dictionary<Guid, string> ActorNames)> ReadAsync(
        ReportingDbContext db, Guid scope, Dimension rows, Dimension? columns, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        // Everything counted so far when there is no end; nothing before the period when there is no start.
        var end = to is { } t ? CrossSeries.MonthNumber(t) : int.MaxValue;
        var beforeStart = from is { } f ? CrossSeries.MonthNumber(f) - 1 : int.MinValue;
        var actors = rows.Name == Dimensions.ReferringActor || columns?.Name == Dimensions.ReferringActor;
        NpgsqlBatchCommand[] commands =
        [
            new(CountsSql)
            {
                Parameters =
                {
                    new() { Value = scope }, new() { Value = rows.CrossTable! }, new() { Value = columns?.CrossTable ?? "" },
                    new() { Value = end }, new() { Value = beforeStart },
                },
            },
            new(ActorNamesSql) { Parameters = { new() { Value = scope }, new() { Value = Dimensions.ReferringActor }, new() { Value = actors } } },
        ];
        return await CounterQueries.ReadBatchAsync(db, commands, async reader =>
        {
            var cells = new List<CrossCell>();
            var measures = Dimensions.CrossMeasures;
            while (await reader.ReadAsync(ct))
            {
                var (rowKey, columnKey, gender) = (reader.GetString(0), reader.GetString(1), (Gender)reader.GetInt32(2));
                var toEnd = reader.GetFieldValue<int[]>(3);
                var beforeStart = reader.GetFieldValue<int[]>(4);
                // Every measure, zeros too: a cell counted only after the period still makes its line, as every key counted does.
                for (var m = 0; m < measures.Count; m++)
                {
                    var cumulative = m < toEnd.Length ? toEnd[m] : 0;
                    var before = m < beforeStart.Length ? beforeStart[m] : 0;
                    cells.Add(new CrossCell(rowKey, columnKey, gender, measures[m], cumulative - before, cumulative));
                }
            }
            await reader.NextResultAsync(ct);
            var names = new Dictionary<Guid, string>();
            while (await reader.ReadAsync(ct))
                names[reader.GetGuid(0)] = reader.GetString(1);
            return (cells, names);
        }, ct);
    }
}
