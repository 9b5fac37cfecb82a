using System.Text.Json;
using Npgsql;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Reads the regional view's counts of one scope (a collaboration, or all of them). As of a date: the scope's
/// <see cref="RegionalTotal"/> rows, one per municipality, less what is dated after it, in one round trip; for a
/// period: the counters as every report reads them (<see cref="CounterQueries"/>).
/// </summary>
public static class RegionalReads
{
    private static readonly string[] RegionalDimensions = [Dimensions.Municipality, Dimensions.ExitMunicipality];

    private const string TotalsSql = "SELECT municipality_code, counts FROM regional_totals WHERE scope = $1";

    public static async Task<RegionalCounts> ReadAsync(ReportingDbContext db, Guid scope, ReportPeriod period, CancellationToken ct)
    {
        if (period.From is not null)
            return RegionalCounts.Of(await CounterQueries.CountsAsync(db, scope, period, RegionalDimensions, ct));

        NpgsqlBatchCommand[] commands =
        [
            new(TotalsSql) { Parameters = { new() { Value = scope } } },
            CounterQueries.Command(scope, period, RegionalDimensions, totals: false),
        ];
        return await CounterQueries.ReadBatchAsync(db, commands, async reader =>
        {
            var counts = new RegionalCounts();
            while (await reader.ReadAsync(ct))
                counts.AddRow(reader.GetString(0), JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(1))!);
            await reader.NextResultAsync(ct);
            foreach (var after in await CounterQueries.ReadAsync(reader, RegionalDimensions, ct))
                counts.Add(after);
            return counts;
        }, ct);
    }
}
