using Npgsql;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Reads a cross-table's counters (<see cref="CrossCount"/>): from each cell's series two slices, every measure's counts up
/// to the period's last month and up to the month before its first. The counts up to the end are the first; in the period,
/// the first less the second. No participant is read, and the months of a period cost nothing: a cell's months are found
/// by binary search (width_bucket).
/// </summary>
/// <remarks>
/// A whole table is one index range (<see cref="ReadAsync"/>). A page of a large one (<see cref="CrossTablePage"/>) is read
/// in two steps, because fetching a cell's series from the heap is what costs (about 5 µs a cell; the municipality ×
/// referring actor table across all collaborations is 17,000 cells at 1,000,000 participants, some 90 ms): first the keys
/// of every line, from the index alone (<see cref="ReadLinesAsync"/>, ~7 ms for those 17,000), to order the lines by
/// label and pick the page's; then the series of those lines only (<see cref="ReadCellsAsync"/>).
/// </remarks>
public static class CrossTableReads
{
    // $4: the period's last month, $5: the month before its first (CrossSeries.MonthNumber). width_bucket counts the months
    // listed up to it (0: none, and the slice is empty, read as zeros); the stride is the measures a row holds. A cell whose
    // changes all netted to zero within a month has no months (and a null stride, so null slices, read as zeros): its key
    // was counted, and it makes a line of zeros, as a key counted only after the period does.
    private const string Slices = "row_key, column_key, gender, counts[(e - 1) * m + 1 : e * m], counts[(s - 1) * m + 1 : s * m]";
    private const string Series = """
        SELECT row_key, column_key, gender, counts, cardinality(counts) / nullif(cardinality(months), 0) AS m,
            width_bucket($4, months) AS e, width_bucket($5, months) AS s
        FROM cross_counts
        """;
    private const string Pair = "scope = $1 AND rows = $2 AND columns = $3";

    private const string AllCellsSql = $"SELECT {Slices} FROM ({Series} WHERE {Pair}) AS c";

    // $6, $7: the lines' row and column keys, pairwise; each is three index look-ups (one per gender).
    private const string LineCellsSql =
        $"SELECT {Slices} FROM ({Series} JOIN unnest($6::text[], $7::text[]) AS l(row_key, column_key) USING (row_key, column_key) WHERE {Pair}) AS c";

    // The keys only, so the index answers without the heap (the table is vacuumed like any other).
    private const string LinesSql = $"SELECT DISTINCT row_key, column_key FROM cross_counts WHERE {Pair}";

    private const string ActorNamesSql = """
        SELECT actor_id, name FROM actor_facts
        WHERE actor_id IN (SELECT row_key::uuid FROM cross_counts WHERE scope = $1 AND rows = $2 AND columns = '' AND $3)
        """;

    /// <summary>Every cell of the pair, and the names of the referring actors when either dimension is theirs.</summary>
    public static async Task<(List<CrossCell> Cells, Dictionary<Guid, string> ActorNames)> ReadAsync(
        ReportingDbContext db, Guid scope, Dimension rows, Dimension? columns, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        await CounterQueries.ReadBatchAsync(db, [CellsCommand(AllCellsSql, scope, rows, columns, from, to), ActorNamesCommand(scope, rows, columns)],
            async reader =>
            {
                var cells = await ReadCellsAsync(reader, ct);
                await reader.NextResultAsync(ct);
                return (cells, await ReadActorNamesAsync(reader, ct));
            }, ct);

    /// <summary>The keys of every line of the pair (unordered), and the referring actors' names.</summary>
    public static async Task<(List<(string Row, string Column)> Lines, Dictionary<Guid, string> ActorNames)> ReadLinesAsync(
        ReportingDbContext db, Guid scope, Dimension rows, Dimension? columns, CancellationToken ct) =>
        await CounterQueries.ReadBatchAsync(db, [PairCommand(LinesSql, scope, rows, columns), ActorNamesCommand(scope, rows, columns)],
            async reader =>
            {
                var lines = new List<(string, string)>();
                while (await reader.ReadAsync(ct))
                    lines.Add((reader.GetString(0), reader.GetString(1)));
                await reader.NextResultAsync(ct);
                return (lines, await ReadActorNamesAsync(reader, ct));
            }, ct);

    /// <summary>The cells of the given lines only.</summary>
    public static async Task<List<CrossCell>> ReadCellsAsync(
        ReportingDbContext db, Guid scope, Dimension rows, Dimension? columns, IReadOnlyList<(string Row, string Column)> lines,
        DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var command = CellsCommand(LineCellsSql, scope, rows, columns, from, to);
        command.Parameters.Add(new() { Value = lines.Select(l => l.Row).ToArray() });
        command.Parameters.Add(new() { Value = lines.Select(l => l.Column).ToArray() });
        return await CounterQueries.ReadBatchAsync(db, [command], reader => ReadCellsAsync(reader, ct), ct);
    }

    private static NpgsqlBatchCommand PairCommand(string sql, Guid scope, Dimension rows, Dimension? columns) => new(sql)
    {
        Parameters = { new() { Value = scope }, new() { Value = rows.CrossTable! }, new() { Value = columns?.CrossTable ?? "" } },
    };

    private static NpgsqlBatchCommand CellsCommand(string sql, Guid scope, Dimension rows, Dimension? columns, DateOnly? from, DateOnly? to)
    {
        // Everything counted so far when there is no end; nothing before the period when there is no start.
        var end = to is { } t ? CrossSeries.MonthNumber(t) : int.MaxValue;
        var beforeStart = from is { } f ? CrossSeries.MonthNumber(f) - 1 : int.MinValue;
        var command = PairCommand(sql, scope, rows, columns);
        command.Parameters.Add(new() { Value = end });
        command.Parameters.Add(new() { Value = beforeStart });
        return command;
    }

    private static NpgsqlBatchCommand ActorNamesCommand(Guid scope, Dimension rows, Dimension? columns) => new(ActorNamesSql)
    {
        Parameters =
        {
            new() { Value = scope }, new() { Value = Dimensions.ReferringActor },
            new() { Value = rows.Name == Dimensions.ReferringActor || columns?.Name == Dimensions.ReferringActor },
        },
    };

    private static async Task<List<CrossCell>> ReadCellsAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var cells = new List<CrossCell>();
        var measures = Dimensions.CrossMeasures;
        while (await reader.ReadAsync(ct))
        {
            var (rowKey, columnKey, gender) = (reader.GetString(0), reader.GetString(1), (Gender)reader.GetInt32(2));
            int[] toEnd = await reader.IsDBNullAsync(3, ct) ? [] : reader.GetFieldValue<int[]>(3);
            int[] beforeStart = await reader.IsDBNullAsync(4, ct) ? [] : reader.GetFieldValue<int[]>(4);
            // Every measure, zeros too: a cell counted only after the period still makes its line, as every key counted does.
            for (var m = 0; m < measures.Count; m++)
            {
                var cumulative = m < toEnd.Length ? toEnd[m] : 0;
                var before = m < beforeStart.Length ? beforeStart[m] : 0;
                cells.Add(new CrossCell(rowKey, columnKey, gender, measures[m], cumulative - before, cumulative));
            }
        }
        return cells;
    }

    private static async Task<Dictionary<Guid, string>> ReadActorNamesAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        while (await reader.ReadAsync(ct))
            names[reader.GetGuid(0)] = reader.GetString(1);
        return names;
    }
}
