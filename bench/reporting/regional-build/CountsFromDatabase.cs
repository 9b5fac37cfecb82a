using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;

/// <summary>
/// The counts queries of the regional view (its per-key counters and the per-municipality rows it reads) and the summary, and the whole summary build (its one batch of reads and
/// the builder), timed in-process against a filled database: the figures quoted in bench/results.
/// </summary>
internal static class CountsFromDatabase
{
    private static readonly string[] Summary =
        [Dimensions.Started, Dimensions.ReferringActor, Dimensions.Municipality, Dimensions.TargetGroup, Dimensions.AgeBand, Dimensions.ExitOutcome];

    public static async Task RunAsync(string connection)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        ReportingDbContext.ConnectionSettings(settings); // as the service's connections
        await using var db = new ReportingDbContext(new DbContextOptionsBuilder<ReportingDbContext>().UseNpgsql(settings.ConnectionString).Options);
        await db.Database.OpenConnectionAsync();
        var collaboration = await db.CollaborationFacts.Select(c => c.CollaborationId).FirstAsync();
        var random = new Random(42);
        // A different report each call, as the benchmark's cold requests: as of a date years ahead (today's figures),
        // or from a day of January 2025 to a day of December 2025.
        ReportPeriod AsOf() => new(null, new DateOnly(2031, 1, 1).AddDays(random.Next(0, 365)));
        ReportPeriod Year() => new(new DateOnly(2025, 1, 1).AddDays(random.Next(0, 31)), new DateOnly(2025, 12, 1).AddDays(random.Next(0, 31)));

        // The endpoint's own build, cache aside (it is private: a benchmark must not widen the service's surface).
        var build = typeof(CollaborationSummaryApi).GetMethod("BuildAsync", BindingFlags.NonPublic | BindingFlags.Static)!;
        async Task<int> Built(ReportPeriod period) =>
            (await (Task<CollaborationSummaryReport?>)build.Invoke(null, [db, collaboration, period, ReportLanguage.Swedish, null, CancellationToken.None])!)!.Tables.Count;
        async Task<int> Counts(Guid scope, ReportPeriod period, string[] dimensions) =>
            (await CounterQueries.CountsAsync(db, scope, period, dimensions, default)).Count;

        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("regional counts, as of 2031 (per key)", () => Counts(Dimensions.AllCollaborations, AsOf(), [Dimensions.Municipality, Dimensions.ExitMunicipality])),
            ("regional counts, as of 2031 (per municipality, as the view reads them)",
                async () => (await RegionalReads.ReadAsync(db, Dimensions.AllCollaborations, AsOf(), default)).Municipalities().Count()),
            ("summary counts, as of 2031", () => Counts(collaboration, AsOf(), Summary)),
            ("summary counts, mid-January to mid-December 2025", () => Counts(collaboration, Year(), Summary)),
            ("summary built, as of 2031", () => Built(AsOf())),
            ("summary built, mid-January to mid-December 2025", () => Built(Year())),
        };
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < 50; i++)
                await run();
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var times = new List<double>();
            var size = 0;
            for (var i = 0; i < 300; i++)
            {
                var clock = Stopwatch.StartNew();
                size = await run();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"{name} ({size} counts or tables): median {times[150]:F2} ms p90 {times[270]:F2} ms p99 {times[297]:F2} ms; " +
                $"collections gen0/1/2 {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}");
        }
    }
}
