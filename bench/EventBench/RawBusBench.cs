using System.Diagnostics;
using System.Text;
using MassTransit;

namespace Samverkan.Bench.EventBench;

/// <summary>The anchor's message: small, carrying its send time.</summary>
public sealed record BenchPing(long Seq, long SentTimestamp);

/// <summary>
/// Raw MassTransit publish→consume in one process: a durable queue, persistent messages, publisher confirms
/// (what the platform's bus uses), prefetch and concurrency 32 (the platform's ConcurrentMessageLimit).
/// A publish counts as in flight until the broker confirmed it; latency runs from just before Publish to the
/// start of the consumer. Throughput is messages over first publish → last consume.
/// </summary>
public static class RawBusBench
{
    private const string Queue = "bench-raw-ping";

    public static async Task<string> RunAsync(Uri rabbit, int messages, int[] inFlightLevels, int warmup, int prefetch)
    {
        var state = new ConsumerState();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            PlatformBus.Host(cfg, rabbit); // the raw anchor: MassTransit's own serializer settings, no platform JSON
            cfg.ReceiveEndpoint(Queue, e =>
            {
                e.Durable = true;
                e.PurgeOnStartup = true;
                if (prefetch > 0) // 0: MassTransit's defaults
                {
                    e.PrefetchCount = prefetch;
                    e.ConcurrentMessageLimit = prefetch;
                }
                e.Handler<BenchPing>(ctx =>
                {
                    state.Record(ctx.Message);
                    return Task.CompletedTask;
                });
            });
        });

        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        var md = new StringBuilder();
        md.AppendLine($"| publishes in flight | messages | msg/s end to end | latency p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|");
        try
        {
            foreach (var inFlight in inFlightLevels)
            {
                await RunLevelAsync(bus, state, warmup, inFlight); // JIT, connections, channel: not recorded
                var (rate, latency) = await RunLevelAsync(bus, state, messages, inFlight);
                Console.Error.WriteLine($"raw: {inFlight} in flight: {rate:F0} msg/s, p50 {latency[50]:F2} ms, p99 {latency[99]:F2} ms");
                md.AppendLine($"| {inFlight} | {messages:N0} | {rate:N0} | {latency[50]:F2} | {latency[90]:F2} | {latency[99]:F2} | {latency.Max:F1} |");
            }
        }
        finally
        {
            await bus.StopAsync();
        }
        return md.ToString();
    }

    private static async Task<(double Rate, Percentiles Latency)> RunLevelAsync(IBusControl bus, ConsumerState state, int count, int inFlight)
    {
        state.Reset(count);
        using var slots = new SemaphoreSlim(inFlight, inFlight);
        var failures = 0;
        var start = Stopwatch.GetTimestamp();
        var pending = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await slots.WaitAsync();
            pending.Add(PublishAsync(i));
        }
        await Task.WhenAll(pending);
        var done = await Task.WhenAny(state.Completed, Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != state.Completed)
            throw new TimeoutException($"Only {state.Received} of {count} messages arrived within 60 s of the last publish.");
        if (failures > 0)
            throw new InvalidOperationException($"{failures} publishes failed.");
        var seconds = Stopwatch.GetElapsedTime(start, state.LastReceived).TotalSeconds;
        return (count / seconds, new Percentiles(state.LatenciesMs()));

        async Task PublishAsync(long seq)
        {
            try { await bus.Publish(new BenchPing(seq, Stopwatch.GetTimestamp())); }
            catch { Interlocked.Increment(ref failures); }
            finally { slots.Release(); }
        }
    }

    private sealed class ConsumerState
    {
        private long[] _latencyTicks = [];
        private int _received;
        private int _expected;
        private TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completed => _completed.Task;
        public int Received => Volatile.Read(ref _received);
        public long LastReceived { get; private set; }

        public void Reset(int expected)
        {
            _latencyTicks = new long[expected];
            _expected = expected;
            _completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _received, 0);
        }

        public void Record(BenchPing ping)
        {
            var now = Stopwatch.GetTimestamp();
            var i = Interlocked.Increment(ref _received) - 1;
            if (i >= _expected) return; // a straggler of the previous level
            _latencyTicks[i] = now - ping.SentTimestamp;
            if (i == _expected - 1)
            {
                LastReceived = now;
                _completed.TrySetResult();
            }
        }

        public IEnumerable<double> LatenciesMs() => _latencyTicks.Select(t => t * 1000.0 / Stopwatch.Frequency);
    }

    internal static (string Host, ushort Port, string VirtualHost, string User, string Password) Parse(Uri uri)
    {
        var user = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return (uri.Host, (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port), vhost.Length == 0 ? "/" : vhost,
            user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest",
            user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
    }
}
