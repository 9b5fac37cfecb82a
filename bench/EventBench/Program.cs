using Samverkan.Bench.EventBench;

// Usage (bench/events.sh runs both with the right arguments):
//   raw         --rabbit amqp://guest:guest@localhost:5672/bench [--messages 20000] [--in-flight 100,10] --md out.md
//   propagation --gateway http://127.0.0.1:8150 --token-file PATH|--token JWT --actors-db CS --reporting-db CS --rabbit URI
//               [--queues a,b] [--rates 250,500,...] [--step-seconds 10] [--half-seconds 20] --md out.md
//   publish     --rabbit URI --messages 20000 [--seed N]   (a backlog of ActorRegistered; bench/inbox-drain.sh)
//   participants --rabbit URI --rate 20 --seconds 30 [--seed N]   (a steady stream of enrolments and exits; bench/reporting/run.sh)
if (args.Length == 0 || args[0] is not ("raw" or "propagation" or "publish" or "participants"))
{
    Console.Error.WriteLine("Usage: EventBench raw|propagation|publish|participants --option value ... (see bench/README.md)");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Expected --name value, got '{args[i]}'.");
        return 2;
    }
    options[args[i][2..]] = args[++i];
}

string Get(string name, string? fallback = null) =>
    options.TryGetValue(name, out var value) ? value
    : fallback ?? throw new ArgumentException($"--{name} is required.");
int[] Ints(string name, string fallback) => [.. Get(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
double Number(string name, string fallback) => double.Parse(Get(name, fallback), System.Globalization.CultureInfo.InvariantCulture);

var markdown = args[0] == "participants"
    ? await ParticipantStream.RunAsync(new Uri(Get("rabbit")), Number("rate", "20"), Number("seconds", "30"), int.Parse(Get("seed", "1")))
    : args[0] == "publish"
    ? await PublishBacklog.RunAsync(new Uri(Get("rabbit")), int.Parse(Get("messages", "20000")), int.Parse(Get("seed", "1")))
    : args[0] == "raw"
    ? await RawBusBench.RunAsync(new Uri(Get("rabbit")), int.Parse(Get("messages", "20000")), Ints("in-flight", "100,10"),
        int.Parse(Get("warmup", "2000")), int.Parse(Get("prefetch", "32")))
    : await new PropagationBench(new PropagationOptions(
        Gateway: new Uri(Get("gateway")),
        Token: options.TryGetValue("token-file", out var tokenFile) ? BearerToken.FromFile(tokenFile) : BearerToken.Fixed(Get("token")),
        ActorsDb: Get("actors-db"),
        ReportingDb: Get("reporting-db"),
        Rabbit: new Uri(Get("rabbit")),
        Queues: Get("queues", "reporting-actor-registered,participants-actor-registered,employers-actor-registered").Split(','),
        Rates: Ints("rates", "100,150,200,250,300,400,500,750,1000,1500,2000,3000"),
        StepSeconds: Number("step-seconds", "10"),
        HalfSeconds: Number("half-seconds", "20"),
        WarmupRate: int.Parse(Get("warmup-rate", "120")),
        WarmupSeconds: Number("warmup-seconds", "90"),
        Refine: Get("refine", "true") == "true",
        MaxInFlight: int.Parse(Get("max-in-flight", "512")),
        DrainTimeoutSeconds: Number("drain-timeout", "60"),
        Seed: int.Parse(Get("seed", Random.Shared.Next(720).ToString())))).RunAsync();

if (options.TryGetValue("md", out var path))
    await File.WriteAllTextAsync(path, markdown);
else
    Console.Out.Write(markdown);
return 0;
