// dotnet run -c Release --project bench/reporting/regional-build [participants] [json-prefix]
// REPORTING_DB="Host=...;Database=bench_reporting_reportingdb;..." dotnet run -c Release --project bench/reporting/regional-build
//   instead reads from a benchmark database (after bench/reporting/run.sh) and times in-process the counts queries
//   (the all-collaborations regional counts, a collaboration's summary counts) and the whole summary build, as of a
//   date years ahead and for a period with mid-month edges (CountsFromDatabase.cs).
// The all-collaborations regional view built from counts shaped like the benchmark's (290 municipalities, ~49 % women,
// ~49 % men, ~2 % non-binary, ~90 % exited over seven outcomes; ~6,700 rows at 1,000,000), exact and with threshold 5:
// median and p90 of 300 builds and of their lean JSON after 200 warm-up rounds. With a prefix it writes both JSON
// outputs, to compare byte for byte with another commit's.
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Http;

if (Environment.GetEnvironmentVariable("REPORTING_DB") is { Length: > 0 } connection)
{
    await CountsFromDatabase.RunAsync(connection);
    return;
}
var csv = Path.Combine(AppContext.BaseDirectory, "municipalities.csv");
var codes = File.ReadLines(csv).Skip(1).Select(l => l.Split(';')[0]).ToList();
var participants = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var random = new Random(42); // fixed: the same counts on every commit
var counts = new List<DimensionCount>();
foreach (var m in codes)
{
    var perMunicipality = participants / codes.Count;
    foreach (var g in new[] { Gender.Woman, Gender.Man, Gender.NonBinary })
    {
        var started = g == Gender.NonBinary ? perMunicipality / 50 + random.Next(0, 5) : perMunicipality * 49 / 100 + random.Next(0, 100);
        counts.Add(new(Dimensions.Municipality, m, g, started));
        foreach (var o in Enum.GetValues<ExitOutcome>())
        {
            var exited = g == Gender.NonBinary ? random.Next(0, 8) : started * 9 / 10 / 7 + random.Next(0, 30);
            if (exited > 0)
                counts.Add(new(Dimensions.ExitMunicipality, $"{m}:{o}", g, exited));
        }
    }
}
Console.WriteLine($"rows {counts.Count}");
var options = new Microsoft.AspNetCore.Http.Json.JsonOptions();
JsonConventions.Apply(options.SerializerOptions);
var lean = new ReportJson(Options.Create(options)).LeanCells;
var asOf = new DateOnly(2030, 1, 1);
foreach (var threshold in new int?[] { null, 5 })
{
    RegionalViewReport Build() => RegionalViewBuilder.Build(counts, asOf, null, null, null, ReportLanguage.Swedish, threshold);
    for (var i = 0; i < 200; i++)
        JsonSerializer.SerializeToUtf8Bytes(Build(), lean);
    var build = new List<double>();
    var json = new List<double>();
    var bytes = 0;
    for (var i = 0; i < 300; i++)
    {
        var clock = Stopwatch.StartNew();
        var report = Build();
        var built = clock.Elapsed.TotalMilliseconds;
        bytes = JsonSerializer.SerializeToUtf8Bytes(report, lean).Length;
        build.Add(built);
        json.Add(clock.Elapsed.TotalMilliseconds - built);
    }
    build.Sort();
    json.Sort();
    var name = threshold?.ToString() ?? "exact";
    Console.WriteLine($"{name}: {bytes} bytes; build median {build[150]:F2} ms p90 {build[270]:F2}; json median {json[150]:F2} ms p90 {json[270]:F2}");
    if (args.Length > 1)
        File.WriteAllBytes($"{args[1]}-{name}.json", JsonSerializer.SerializeToUtf8Bytes(Build(), lean));
}
