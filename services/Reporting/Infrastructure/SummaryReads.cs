using Npgsql;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>Everything a collaboration summary is built from.</summary>
public sealed record SummaryFigures(
    CollaborationFact? Collaboration, List<DimensionCount> Counts, List<DimensionCount>? Cumulative,
    List<HoursByMonth> Hours, Dictionary<Guid, string> ActorNames);

/// <summary>
/// Reads a collaboration summary's figures in one round trip: its counts (and, for a period, the counts up to its
/// end, for the participants still active), the collaboration, its hours by month and the names of its referring
/// actors. Built afresh after every event in the collaboration, so five round trips were a fifth of its time.
/// </summary>
public static class SummaryReads
{
    private const string CollaborationSql = """
        SELECT name, owner_actor_id, participant_target, exit_to_work_or_studies_target_share, start_date, end_date, as_of
        FROM collaboration_facts WHERE collaboration_id = $1
        """;

    private const string HoursSql = """
        SELECT month, hours, participants FROM hours_by_month
        WHERE collaboration_id = $1 AND month >= $2 AND month <= $3 AND (hours <> 0 OR participants <> 0)
        """;

    /// <summary>Every actor that ever referred to the collaboration: its totals hold a row for each, never deleted.</summary>
    private const string ActorNamesSql = """
        SELECT actor_id, name FROM actor_facts
        WHERE actor_id IN (SELECT key::uuid FROM participant_totals WHERE collaboration_id = $1 AND dimension = $2)
        """;

    public static Task<SummaryFigures> ReadAsync(
        ReportingDbContext db, Guid id, ReportPeriod period, string[] dimensions, string[] cumulativeDimensions, CancellationToken ct)
    {
        var firstMonth = period.From is { } f ? new DateOnly(f.Year, f.Month, 1) : DateOnly.MinValue;
        var commands = new List<NpgsqlBatchCommand>
        {
            new(CollaborationSql) { Parameters = { new() { Value = id } } },
            CounterQueries.Command(id, period, dimensions),
            new(HoursSql) { Parameters = { new() { Value = id }, new() { Value = firstMonth }, new() { Value = period.To } } },
            new(ActorNamesSql) { Parameters = { new() { Value = id }, new() { Value = Dimensions.ReferringActor } } },
        };
        if (period.From is not null)
            commands.Add(CounterQueries.Command(id, period with { From = null }, cumulativeDimensions));

        return CounterQueries.ReadBatchAsync(db, commands, async reader =>
        {
            CollaborationFact? collaboration = null;
            if (await reader.ReadAsync(ct))
                collaboration = new CollaborationFact
                {
                    CollaborationId = id, Name = reader.GetString(0), OwnerActorId = reader.GetGuid(1), ParticipantTarget = reader.GetInt32(2),
                    ExitToWorkOrStudiesTargetShare = reader.GetDecimal(3), StartDate = reader.GetFieldValue<DateOnly>(4),
                    EndDate = reader.GetFieldValue<DateOnly>(5), AsOf = reader.GetFieldValue<DateTimeOffset>(6),
                };
            await reader.NextResultAsync(ct);
            var counts = await CounterQueries.ReadAsync(reader, dimensions, ct);
            await reader.NextResultAsync(ct);
            var hours = new List<HoursByMonth>();
            while (await reader.ReadAsync(ct))
                hours.Add(new HoursByMonth { CollaborationId = id, Month = reader.GetFieldValue<DateOnly>(0), Hours = reader.GetDecimal(1), Participants = reader.GetInt32(2) });
            await reader.NextResultAsync(ct);
            var names = new Dictionary<Guid, string>();
            while (await reader.ReadAsync(ct))
                names[reader.GetGuid(0)] = reader.GetString(1);
            List<DimensionCount>? cumulative = null;
            if (period.From is not null)
            {
                await reader.NextResultAsync(ct);
                cumulative = await CounterQueries.ReadAsync(reader, cumulativeDimensions, ct);
            }
            return new SummaryFigures(collaboration, counts, cumulative, hours, names);
        }, ct);
    }
}
