using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;

/// <summary>The counts queries of the regional view and the summary, timed in-process against a filled database.</summary>
internal static class CountsFromDatabase
{
    public static async Task RunAsync(string connection)
    {
        await using var db = new ReportingDbContext(new DbContextOptionsBuilder<ReportingDbContext>().UseNpgsql(connection).Options);
        await db.Database.OpenConnectionAsync();
        var collaboration = await db.CollaborationFacts.Select(c => c.CollaborationId).FirstAsync();
        var random = new Random(42);
        var raw = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        async Task<int> Raw(string sql)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, raw);
            command.Parameters.AddWithValue(Dimensions.AllCollaborations);
            await using var reader = await command.ExecuteReaderAsync();
            var n = 0;
            while (await reader.ReadAsync())
            {
                _ = reader.GetString(0);
                _ = reader.GetString(1);
                n += reader.GetInt32(3);
            }
            return n;
        }
        var buildSummary = typeof(Samverkan.Reporting.Apis.CollaborationSummaryApi).GetMethod("BuildAsync", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        async Task<int> BuiltSummary(ReportPeriod period)
        {
            var report = await (Task<Samverkan.Reporting.Model.CollaborationSummaryReport?>)buildSummary.Invoke(null, [db, collaboration, period, ReportLanguage.Swedish, null, CancellationToken.None])!;
            return report!.Tables.Count;
        }
        List<DimensionCount>? summaryCounts = null;
        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("hours", async () => (await db.HoursByMonth.AsNoTracking()
                .Where(h => h.CollaborationId == collaboration && h.Month >= DateOnly.MinValue && h.Month <= new DateOnly(2031, 1, 1) && (h.Hours != 0 || h.Participants != 0)).ToListAsync()).Count),
            ("actor names", async () =>
            {
                var ids = await db.ActorFacts.Select(a => a.ActorId).Take(20).ToListAsync();
                return (await db.ActorFacts.AsNoTracking().Where(a => ids.Contains(a.ActorId)).ToDictionaryAsync(a => a.ActorId, a => a.Name)).Count;
            }),
            ("summary builder alone", async () =>
            {
                summaryCounts ??= await CounterQueries.CountsAsync(db, collaboration, new ReportPeriod(null, new DateOnly(2031, 1, 1)), Summary, default);
                return CollaborationSummaryBuilder.Build(collaboration, null, new DateOnly(2031, 1, 1), summaryCounts, new Dictionary<Guid, string>(), ReportLanguage.Swedish, null).Tables.Count;
            }),
            ("collaboration fact", async () => (await db.CollaborationFacts.AsNoTracking().FirstOrDefaultAsync(c => c.CollaborationId == collaboration)) is null ? 0 : 1),
            ("version", async () => (int)await ReadModelVersions.CurrentAsync(db, collaboration, default)),
            ("raw reader, regional totals", () => Raw("SELECT dimension, key, gender, count FROM participant_totals WHERE collaboration_id = $1 AND dimension = ANY('{municipality,exit-municipality}')")),
            ("raw reader into DimensionCount, dimension as its index", async () =>
            {
                string[] dims = [Dimensions.Municipality, Dimensions.ExitMunicipality];
                await using var command = new Npgsql.NpgsqlCommand("SELECT array_position($2, dimension::text), key, gender, count FROM participant_totals WHERE collaboration_id = $1 AND dimension = ANY($2)", raw);
                command.Parameters.AddWithValue(Dimensions.AllCollaborations);
                command.Parameters.AddWithValue(dims);
                await using var reader = await command.ExecuteReaderAsync();
                var list = new List<DimensionCount>();
                while (await reader.ReadAsync())
                    list.Add(new DimensionCount(dims[reader.GetInt32(0) - 1], reader.GetString(1), (Samverkan.Contracts.Participants.Gender)reader.GetInt32(2), reader.GetInt32(3)));
                return list.Count;
            }),
            ("raw reader, regional totals grouped", () => Raw("SELECT dimension, key, gender, sum(count)::int FROM participant_totals WHERE collaboration_id = $1 AND dimension = ANY('{municipality,exit-municipality}') GROUP BY 1, 2, 3")),
            ("regional counts, as of 2031", async () => (await CounterQueries.CountsAsync(db, Dimensions.AllCollaborations,
                new ReportPeriod(null, new DateOnly(2031, 1, 1).AddDays(random.Next(0, 365))), [Dimensions.Municipality, Dimensions.ExitMunicipality], default)).Count),
            ("summary counts, as of 2031", async () => (await CounterQueries.CountsAsync(db, collaboration,
                new ReportPeriod(null, new DateOnly(2031, 1, 1).AddDays(random.Next(0, 365))), Summary, default)).Count),
            ("summary counts, mid-January to mid-December 2025", async () => (await CounterQueries.CountsAsync(db, collaboration,
                new ReportPeriod(new DateOnly(2025, 1, 1).AddDays(random.Next(0, 31)), new DateOnly(2025, 12, 1).AddDays(random.Next(0, 31))), Summary, default)).Count),
            ("summary built, as of 2031", () => BuiltSummary(new ReportPeriod(null, new DateOnly(2031, 1, 1).AddDays(random.Next(0, 365))))),
            ("summary built, mid-January to mid-December 2025", () => BuiltSummary(new ReportPeriod(new DateOnly(2025, 1, 1).AddDays(random.Next(0, 31)), new DateOnly(2025, 12, 1).AddDays(random.Next(0, 31))))),
        };
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < 50; i++)
                await run();
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < 300; i++)
            {
                var clock = Stopwatch.StartNew();
                rows = await run();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{name}: {rows} counts; median {times[150]:F2} ms p90 {times[270]:F2} ms p99 {times[297]:F2} ms; " +
                $"collections gen0/1/2 {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}");
        }
    }

    private static readonly string[] Summary =
        [Dimensions.Started, Dimensions.ReferringActor, Dimensions.Municipality, Dimensions.TargetGroup, Dimensions.AgeBand, Dimensions.ExitOutcome];
}
