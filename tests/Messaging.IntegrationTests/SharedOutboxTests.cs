using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Testing;
using Xunit.Abstractions;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>
/// Two instances of one service on one database, as the AppHost runs them with AppHost:Instances=2: one outbox, two
/// dispatchers claiming rows with <c>FOR UPDATE SKIP LOCKED</c>, both writing at the same time. Each row must be sent
/// once, by one of them, and both must have sent some (or the sharing was never put to the test).
/// </summary>
public sealed class SharedOutboxTests(ITestOutputHelper output) : MessagingTestBase
{
    private const int Writers = 20;
    private const int EventsPerWrite = 10;
    private const int WritesPerWriter = 10;

    [Fact]
    public async Task Two_dispatchers_under_load_share_one_outbox_and_send_each_row_once()
    {
        var hosts = new[] { await StartHostAsync(), await StartHostAsync() };
        var sentBy = new ConcurrentDictionary<Guid, ConcurrentBag<int>>();
        for (var i = 0; i < hosts.Length; i++)
            hosts[i].Services.GetRequiredService<IBus>().ConnectPublishObserver(new SentLog(sentBy, i));

        // 20 writers at once, each committing 10 events at a time through one instance or the other, 2,000 in all.
        var rows = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < WritesPerWriter; n++)
                foreach (var id in await WriteEventsTogetherAsync(hosts[w % 2], EventsPerWrite))
                    rows.Add(id);
        })));
        var total = Writers * WritesPerWriter * EventsPerWrite;
        Assert.Equal(total, rows.Count);

        await Eventually.Until(() => UndispatchedCountAsync(hosts[0]), n => n == 0, Deadline, "every row marked dispatched");
        await Eventually.Until(() => Task.FromResult(rows.Count(r => hosts.Sum(h => h.ConsumeLog.Count(r)) > 0)), n => n == total, Deadline,
            "every row consumed");

        var twice = sentBy.Where(kv => kv.Value.Count > 1).Select(kv => kv.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} rows sent more than once, e.g. {string.Join(", ", twice.Take(3))}");
        Assert.Equal(rows.Order(), sentBy.Keys.Order());
        var perDispatcher = Enumerable.Range(0, hosts.Length).Select(i => sentBy.Values.Count(b => b.Contains(i))).ToList();
        output.WriteLine($"sent by dispatcher 0: {perDispatcher[0]}, by dispatcher 1: {perDispatcher[1]}");
        Assert.All(perDispatcher, n => Assert.True(n > 0, $"one dispatcher sent nothing: {string.Join(" / ", perDispatcher)}"));
        // Each consumed once too (the inbox would hide a second delivery's effect, not the delivery).
        Assert.All(rows, r => Assert.Equal(1, hosts.Sum(h => h.ConsumeLog.Count(r))));
        Assert.Equal(total, await DistinctEffectCountAsync(hosts[0]));
        Assert.Equal(total, await EffectCountAsync(hosts[0]));
    }

    /// <summary>Which dispatcher (host) published each outbox row, by its message id (the row id).</summary>
    private sealed class SentLog(ConcurrentDictionary<Guid, ConcurrentBag<int>> sentBy, int host) : IPublishObserver
    {
        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            if (context.MessageId is { } id)
                sentBy.GetOrAdd(id, _ => []).Add(host);
            return Task.CompletedTask;
        }

        public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;
        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
