using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Samverkan.Bench.EventBench;

public sealed record PropagationOptions(
    Uri Gateway, BearerToken Token, string ActorsDb, string ReportingDb, Uri Rabbit, string[] Queues,
    int[] Rates, double StepSeconds, double HalfSeconds, int WarmupRate, double WarmupSeconds,
    bool Refine, int MaxInFlight, double DrainTimeoutSeconds, int Seed);

public sealed record StepResult(
    string Label, int Rate, LoadResult Load, Percentiles Http, Percentiles Propagation, Percentiles HttpToVisible,
    Percentiles OutboxWait, double FirstThirdP50, double LastThirdP50, IReadOnlyList<BacklogSample> Samples,
    double BacklogSlope, long BacklogMax, double? DrainSeconds, int Events, int Missing)
{
    /// <summary>
    /// The backlog neither grew during the second half of the step (least-squares slope at most 5% of the
    /// rate, or 10/s) nor took long to clear once the load stopped (5 s), and latency did not creep up: the
    /// p50 of the step's last third at most twice that of its first third plus 20 ms (a queue that grows
    /// slowly shows there before the sampled backlog's slope does).
    /// </summary>
    public bool Flat => BacklogSlope <= Math.Max(0.05 * Rate, 10) && DrainSeconds is <= 5
        && !(LastThirdP50 > 2 * FirstThirdP50 + 20);

    /// <summary>Flat, and the platform accepted the rate: ≥ 95% of it answered 2xx, ≤ 0.1% errors, nothing lost.</summary>
    public bool Sustained => Flat && Load.AchievedRate >= 0.95 * Rate && Load.Errors <= 0.001 * Load.Requests.Length && Missing == 0;
}

/// <summary>
/// End-to-end propagation: POST /api/actors through the gateway at a steady open-loop rate; per event, the
/// time from Actors' outbox row (<c>outbox_messages.created_at</c>, set when the request stages the event,
/// just before its commit) to Reporting's inbox row (<c>inbox_messages.received_at</c>, set in the consumer's
/// transaction), joined on the message id after the step, so no polling error enters the figures. The rate
/// steps up until the backlog stops being flat; the last flat step is the capacity, and a final run at half
/// of it gives the latency figures the goals speak of.
/// </summary>
public sealed class PropagationBench(PropagationOptions options)
{
    private long _expectedInbox;

    public async Task<string> RunAsync()
    {
        await using var probe = await PlatformProbe.CreateAsync(options.ActorsDb, options.ReportingDb, options.Rabbit, options.Queues);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxInFlight,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        }) { Timeout = TimeSpan.FromSeconds(30) };
        var generator = new LoadGenerator(http, options.Gateway, options.Token, new OrganisationNumbers(options.Seed), options.MaxInFlight);
        _expectedInbox = await probe.ReportingInboxCountAsync();

        var warmup = await RunStepAsync(probe, generator, "warm-up", options.WarmupRate, options.WarmupSeconds);
        var steps = new List<StepResult>();
        int? lastPass = null, firstFail = null;
        foreach (var rate in options.Rates)
        {
            var step = await RunStepAsync(probe, generator, "step", rate, options.StepSeconds);
            steps.Add(step);
            if (!step.Sustained) { firstFail = rate; break; }
            lastPass = rate;
        }
        if (options.Refine && lastPass is { } pass && firstFail is { } fail)
        {
            var mid = (int)(Math.Round((pass + fail) / 2.0 / 25, MidpointRounding.AwayFromZero) * 25);
            if (mid > pass && mid < fail)
            {
                var step = await RunStepAsync(probe, generator, "refine", mid, options.StepSeconds);
                steps.Add(step);
                if (step.Sustained) lastPass = mid;
            }
        }

        var capacity = lastPass ?? 0;
        var halfRate = Math.Max(1, (lastPass ?? options.Rates[0]) / 2);
        var half = await RunStepAsync(probe, generator, "half", halfRate, options.HalfSeconds);
        return Markdown(probe, warmup, steps, capacity, lastPass is null, firstFail, half);
    }

    private async Task<StepResult> RunStepAsync(PlatformProbe probe, LoadGenerator generator, string label, int rate, double seconds)
    {
        var before = await WaitDrainedAsync(probe, options.DrainTimeoutSeconds);
        if (before is null)
            Console.Error.WriteLine($"propagation: the backlog of the previous step did not clear within {options.DrainTimeoutSeconds} s; starting anyway");
        var sequence = await probe.LastOutboxSequenceAsync();

        var samples = new List<BacklogSample>();
        var clock = Stopwatch.StartNew();
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                samples.Add(await probe.SampleAsync(clock.Elapsed.TotalSeconds));
                try { await Task.Delay(500, stopSampling.Token); }
                catch (OperationCanceledException) { }
            }
        });
        var load = await generator.RunAsync(rate, seconds);
        var loadEnd = clock.Elapsed.TotalSeconds;
        await stopSampling.CancelAsync();
        await sampler;
        _expectedInbox += load.Ok;

        var drain = await WaitDrainedAsync(probe, options.DrainTimeoutSeconds);
        var events = await probe.EventsAfterAsync(sequence);
        var byActor = load.Requests.Where(r => r.ActorId is not null).ToDictionary(r => r.ActorId!.Value, r => r.StartUtc);

        var delivered = events.Where(e => e.ReceivedAt is not null).ToList();
        var propagation = new Percentiles(delivered.Select(e => (e.ReceivedAt!.Value - e.CreatedAt).TotalMilliseconds));
        var httpToVisible = new Percentiles(delivered.Where(e => byActor.ContainsKey(e.ActorId))
            .Select(e => (e.ReceivedAt!.Value - byActor[e.ActorId]).TotalMilliseconds));
        var outboxWait = new Percentiles(events.Where(e => e.DispatchedAt is not null)
            .Select(e => (e.DispatchedAt!.Value - e.CreatedAt).TotalMilliseconds));
        var ok = load.Requests.Where(r => r.Status is >= 200 and < 300).Select(r => r.DurationMs);

        // Did latency creep up during the step? p50 of the events created in its first and last third.
        double firstThird = double.NaN, lastThird = double.NaN;
        if (delivered.Count >= 3)
        {
            var t0 = delivered.Min(e => e.CreatedAt);
            var span = (delivered.Max(e => e.CreatedAt) - t0).TotalMilliseconds;
            double Third(Func<double, bool> part) => new Percentiles(delivered
                .Where(e => part((e.CreatedAt - t0).TotalMilliseconds / Math.Max(span, 1)))
                .Select(e => (e.ReceivedAt!.Value - e.CreatedAt).TotalMilliseconds))[50];
            firstThird = Third(f => f < 1.0 / 3);
            lastThird = Third(f => f >= 2.0 / 3);
        }

        var secondHalf = samples.Where(s => s.Seconds >= loadEnd / 2).Select(s => (s.Seconds, (double)s.Total)).ToList();
        var result = new StepResult(label, rate, load, new Percentiles(ok), propagation, httpToVisible, outboxWait,
            firstThird, lastThird, samples, Regression.Slope(secondHalf), samples.Count == 0 ? 0 : samples.Max(s => s.Total),
            drain, events.Count, events.Count - delivered.Count);
        Console.Error.WriteLine(
            $"propagation: {label} {rate}/s: sent {load.SentRate:F0}/s, accepted {load.AchievedRate:F0}/s, errors {load.ErrorSummary}, " +
            $"propagation p50/p99 {propagation.P50P99} ms, backlog slope {result.BacklogSlope:F0}/s max {result.BacklogMax}, " +
            $"drain {(drain is { } d ? $"{d:F1} s" : "timed out")}, {(result.Sustained ? "sustained" : "NOT sustained")}");
        return result;
    }

    /// <summary>Seconds until nothing is pending anywhere and Reporting has every accepted event; null on timeout.</summary>
    private async Task<double?> WaitDrainedAsync(PlatformProbe probe, double timeoutSeconds)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var sample = await probe.SampleAsync(0);
            if (sample.Total == 0 && await probe.ReportingInboxCountAsync() >= _expectedInbox)
                return clock.Elapsed.TotalSeconds;
            if (clock.Elapsed.TotalSeconds > timeoutSeconds)
                return null;
            await Task.Delay(100);
        }
    }

    private string Markdown(PlatformProbe probe, StepResult warmup, List<StepResult> steps, int capacity, bool noneSustained, int? firstFail, StepResult half)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine($"Backlog = undispatched outbox rows in Actors + messages ready in {string.Join(", ", probe.Queues.Select(q => $"`{q}`"))}, sampled every 0.5 s.");
        md.AppendLine("Propagation = Reporting `inbox_messages.received_at` − Actors `outbox_messages.created_at` (same message id).");
        md.AppendLine("HTTP→visible = the same receipt time − when the load generator started the POST (joined on the actor id).");
        md.AppendLine("Outbox wait = `dispatched_at` − `created_at`: until the dispatcher had the broker's confirm and marked the row.");
        md.AppendLine();
        md.AppendLine("| step | target /s | sent /s | accepted (2xx) /s | errors | late starts | HTTP p50 / p99 (ms) | propagation p50 / p99 (ms) | max (ms) | p50 first → last third (ms) | HTTP→visible p50 / p99 (ms) | outbox wait p50 / p99 (ms) | backlog slope (/s) | max backlog | drain (s) | flat | sustained |");
        md.AppendLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var s in steps.Prepend(warmup).Append(half))
        {
            md.Append(inv, $"| {s.Label} | {s.Rate:N0} | {s.Load.SentRate:N0} | {s.Load.AchievedRate:N0} | {s.Load.ErrorSummary} | {s.Load.LateStarts} ");
            md.Append(inv, $"| {s.Http.P50P99} | {s.Propagation.P50P99} | {s.Propagation.Max:F0} | {s.FirstThirdP50:F1} → {s.LastThirdP50:F1} ");
            md.Append(inv, $"| {s.HttpToVisible.P50P99} | {s.OutboxWait.P50P99} | {s.BacklogSlope:F0} | {s.BacklogMax:N0} ");
            var verdicts = s.Label == "warm-up" ? "– | –" : $"{(s.Flat ? "yes" : "**no**")} | {(s.Sustained ? "yes" : "**no**")}";
            md.AppendLine(inv, $"| {(s.DrainSeconds is { } d ? d.ToString("F1", inv) : "> " + options.DrainTimeoutSeconds)} | {verdicts} |");
        }
        md.AppendLine();
        md.AppendLine(noneSustained
            ? $"**Capacity: below {options.Rates[0]:N0} events/s** (no step sustained); the half-capacity run used {half.Rate:N0}/s."
            : $"**Capacity (highest sustained step): {capacity:N0} events/s**{(firstFail is { } f ? $" (first step not sustained: {f:N0}/s)" : " (the highest step tried)")}; half of it: {half.Rate:N0}/s.");
        md.AppendLine();
        md.AppendLine(inv, $"**At half of capacity ({half.Rate:N0}/s for {options.HalfSeconds:F0} s, {half.Propagation.Count:N0} events):** propagation p50 {half.Propagation[50]:F1} ms, p99 {half.Propagation[99]:F1} ms; HTTP→visible p50 {half.HttpToVisible[50]:F1} ms, p99 {half.HttpToVisible[99]:F1} ms.");
        md.AppendLine();
        md.AppendLine("<!-- RESULT capacity=" + capacity + " half_rate=" + half.Rate
            + " p50=" + half.Propagation[50].ToString("F1", inv) + " p99=" + half.Propagation[99].ToString("F1", inv)
            + " cpu=" + Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds.ToString("F2", inv) + " -->");
        md.AppendLine();
        md.AppendLine("<details><summary>Backlog samples per step (seconds:backlog)</summary>");
        md.AppendLine();
        foreach (var s in steps.Prepend(warmup).Append(half))
            md.AppendLine(inv, $"- {s.Label} {s.Rate}/s: {string.Join(" ", s.Samples.Select(b => $"{b.Seconds:F1}:{b.Total}"))}");
        md.AppendLine();
        md.AppendLine("</details>");
        return md.ToString();
    }
}
