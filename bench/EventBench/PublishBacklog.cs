using System.Diagnostics;
using MassTransit;
using Samverkan.Contracts.Actors;

namespace Samverkan.Bench.EventBench;

/// <summary>
/// Publishes N <see cref="ActorRegistered"/> events straight onto the bus, as Actors' outbox dispatcher
/// would (same serializer settings, publisher confirms), to build a backlog in consumers' queues while
/// the consumers are stopped. bench/inbox-drain.sh then times how fast a consumer clears it.
/// </summary>
public static class PublishBacklog
{
    public static async Task<string> RunAsync(Uri rabbit, int messages, int seed)
    {
        var bus = await PlatformBus.StartAsync(rabbit);
        var numbers = new OrganisationNumbers(seed);
        var clock = Stopwatch.StartNew();
        try
        {
            for (var sent = 0; sent < messages; sent += 100)
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Min(100, messages - sent)).Select(_ => bus.Publish(new ActorRegistered
                {
                    ActorId = Guid.NewGuid(),
                    Name = "Bench actor",
                    OrganisationNumber = numbers.Next(),
                    Sector = ActorSector.Public,
                    Kind = ActorKind.Municipality,
                    RegisteredAt = DateTimeOffset.UtcNow,
                })));
            }
        }
        finally
        {
            await bus.StopAsync();
        }
        return $"published {messages} in {clock.Elapsed.TotalSeconds:F1} s\n";
    }
}
