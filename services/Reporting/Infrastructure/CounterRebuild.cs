using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// The rebuild's counters: every participant's facts (with its exit and first employer contact) through the very function
/// the live consumers use (<see cref="Dimensions.Counters"/>), into rows by the very function the live writer uses
/// (<see cref="CounterRows.Of"/>), COPY'd into the (empty, shadow) counter tables. Nothing here names a dimension: adding
/// one to <see cref="Dimensions.All"/> is all it takes for the rebuild to count it. The cross-table counters
/// (<see cref="Dimensions.CrossCounters"/>) the same way, into series by the live writer's <see cref="CrossSeriesBuilder"/>;
/// the region's cells are the collaborations' summed, month by month, as each batch is done.
/// </summary>
/// <remarks>
/// Whole collaborations at a time, about <see cref="BatchSize"/> participants each (a collaboration's counters must be
/// complete before its totals are taken); the scope of every collaboration (<see cref="Dimensions.AllCollaborations"/>),
/// which takes a little of every batch, is netted as it goes and written last.
/// </remarks>
internal static class CounterRebuild
{
    private const int BatchSize = 50_000;

    public static async Task RebuildAsync(ReportingDbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sizes = await db.Database.SqlQueryRaw<CollaborationSize>(
                "SELECT collaboration_id AS \"Id\", count(*)::int AS \"Participants\" FROM participant_facts GROUP BY 1 ORDER BY 1")
            .ToListAsync(ct);
        var region = new Dictionary<CounterDelta, int>();
        var regionCross = new CrossSeriesBuilder();
        foreach (var batch in Batches(sizes))
        {
            var deltas = new List<CounterDelta>();
            var participants = await ReadParticipantsAsync(connection, batch, ct);
            foreach (var participant in participants)
            {
                // Netted by their key with the delta zeroed: the region's counters are far fewer than its participants' deltas.
                foreach (var delta in Dimensions.Counters(participant, +1))
                    if (delta.Scope == Dimensions.AllCollaborations)
                        region[delta with { Delta = 0 }] = region.GetValueOrDefault(delta with { Delta = 0 }) + delta.Delta;
                    else
                        deltas.Add(delta);
            }
            // The region's cross counters are the sums of the collaborations' (every one is counted in both, see
            // Dimensions.CrossCounters): added from the batch's cells and months rather than from each participant's
            // changes, a hundred-odd of them each, and never listed (streamed from the participants into the cells).
            var cross = new CrossSeriesBuilder();
            foreach (var participant in participants)
                foreach (var delta in Dimensions.CrossCounters(participant, +1))
                    if (delta.Scope != Dimensions.AllCollaborations)
                        cross.Add(delta);
            cross.AddTo(regionCross, Dimensions.AllCollaborations);
            await CopyAsync(connection, CounterRows.Of(deltas), ct);
            await CopyCrossAsync(connection, cross.Rows(CounterRows.CrossOrder), ct);
        }
        await CopyAsync(connection, CounterRows.Of(region.Select(r => r.Key with { Delta = r.Value })), ct);
        await CopyCrossAsync(connection, regionCross.Rows(CounterRows.CrossOrder), ct);
    }

    private static IEnumerable<Guid[]> Batches(List<CollaborationSize> sizes)
    {
        var batch = new List<Guid>();
        var participants = 0;
        foreach (var size in sizes)
        {
            batch.Add(size.Id);
            participants += size.Participants;
            if (participants >= BatchSize)
            {
                yield return batch.ToArray();
                batch.Clear();
                participants = 0;
            }
        }
        if (batch.Count > 0)
            yield return batch.ToArray();
    }

    private static async Task<List<CountedParticipant>> ReadParticipantsAsync(NpgsqlConnection connection, Guid[] collaborations, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT f.participant_id, f.collaboration_id, f.gender, f.age_band, f.municipality_code, f.referring_actor_id, f.target_groups, f.start_date,
                f.labour_market_status, f.education_level, f.benefit_at_start, x.exit_date, x.outcome, x.gained_qualification, c.presented_on
            FROM participant_facts f
            LEFT JOIN participant_exits x USING (participant_id, collaboration_id)
            LEFT JOIN first_employer_contacts c USING (participant_id)
            WHERE f.collaboration_id = ANY($1)
            """, connection) { Parameters = { new() { Value = collaborations } } };
        var result = new List<CountedParticipant>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var fact = new ParticipantFact
            {
                ParticipantId = reader.GetGuid(0), CollaborationId = reader.GetGuid(1), Gender = reader.GetInt32(2),
                AgeBand = reader.IsDBNull(3) ? null : reader.GetInt32(3), MunicipalityCode = reader.GetString(4), ReferringActorId = reader.GetGuid(5),
                TargetGroups = reader.GetFieldValue<int[]>(6), StartDate = reader.GetFieldValue<DateOnly>(7),
                LabourMarketStatus = reader.IsDBNull(8) ? null : reader.GetInt32(8), EducationLevel = reader.IsDBNull(9) ? null : reader.GetInt32(9),
                BenefitAtStart = reader.IsDBNull(10) ? null : reader.GetInt32(10),
            };
            var exit = reader.IsDBNull(11) ? null : new ParticipantExit
            {
                ParticipantId = fact.ParticipantId, CollaborationId = fact.CollaborationId, ExitDate = reader.GetFieldValue<DateOnly>(11),
                Outcome = reader.GetInt32(12), GainedQualification = reader.GetBoolean(13),
            };
            DateOnly? contact = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateOnly>(14);
            result.Add(new(fact, exit, contact));
        }
        return result;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, CounterRows rows, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY participant_counts (collaboration_id, dimension, key, gender, day, count) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (key, day, count) in rows.Dated)
            {
                await copy.StartRowAsync(ct);
                await WriteKeyAsync(copy, key, ct);
                await copy.WriteAsync(day, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(count, NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY participant_period_counts (collaboration_id, dimension, key, gender, months, start, count) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (key, months, start, count) in rows.Periods)
            {
                await copy.StartRowAsync(ct);
                await WriteKeyAsync(copy, key, ct);
                await copy.WriteAsync(months, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(start, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(count, NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY participant_totals (collaboration_id, dimension, key, gender, count) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (key, count) in rows.Totals)
            {
                await copy.StartRowAsync(ct);
                await WriteKeyAsync(copy, key, ct);
                await copy.WriteAsync(count, NpgsqlDbType.Integer, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY regional_totals (scope, municipality_code, counts) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (scope, code, counts) in rows.Regional)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(scope, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(CounterRows.Json(counts), NpgsqlDbType.Jsonb, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    private static async Task CopyCrossAsync(NpgsqlConnection connection, List<(CrossKey Key, CrossSeries Series)> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY cross_counts (scope, rows, columns, row_key, column_key, gender, months, counts) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (key, series) in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(key.Scope, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(key.Rows, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(key.Columns, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(key.RowKey, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(key.ColumnKey, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(key.Gender, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(series.Months, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(series.Counts, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task WriteKeyAsync(NpgsqlBinaryImporter copy, CounterKey key, CancellationToken ct)
    {
        await copy.WriteAsync(key.Scope, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(key.Dimension, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(key.Key, NpgsqlDbType.Varchar, ct);
        await copy.WriteAsync(key.Gender, NpgsqlDbType.Integer, ct);
    }

    private sealed class CollaborationSize
    {
        public Guid Id { get; init; }
        public int Participants { get; init; }
    }
}
