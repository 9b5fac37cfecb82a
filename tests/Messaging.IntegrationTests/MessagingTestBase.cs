using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>
/// These tests share one broker and one of them restarts it, so they run one at a time
/// (the collection below) rather than racing each other's connections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerCollection
{
    public const string Name = "broker";
}

[Collection(BrokerCollection.Name)]
public abstract class MessagingTestBase : IAsyncLifetime
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly List<MessagingHost> _hosts = [];

    protected Infrastructure Infra { get; private set; } = null!;
    protected string Database { get; private set; } = null!;
    protected string Service { get; } = $"test-{Guid.NewGuid():N}"[..17];

    public async Task InitializeAsync()
    {
        Infra = await Infrastructure.GetAsync();
        Database = await Infra.CreateDatabaseAsync("messaging");
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        await MessagingHost.DeleteQueuesAsync(Infra, Service);
        await Infra.DropDatabaseAsync(Database);
    }

    protected async Task<MessagingHost> StartHostAsync(IDictionary<string, string?>? settings = null)
    {
        var host = await MessagingHost.StartAsync(Infra, Database, Service, settings);
        _hosts.Add(host);
        return host;
    }

    protected async Task StopHostAsync(MessagingHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    /// <summary>Writes events through the outbox the way request code does: one SaveChanges per event.</summary>
    protected async Task<List<Guid>> WriteEventsAsync(MessagingHost host, int count)
    {
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            var id = Guid.NewGuid();
            db.AddIntegrationEvent(new SomethingHappened { EventId = id, Value = i });
            await db.SaveChangesAsync();
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>Writes events through the outbox in one SaveChanges; returns their outbox row ids (the message ids).</summary>
    protected async Task<List<Guid>> WriteEventsTogetherAsync(MessagingHost host, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        var rows = Enumerable.Range(0, count)
            .Select(i => db.AddIntegrationEvent(new SomethingHappened { EventId = Guid.NewGuid(), Value = i }).Id).ToList();
        await db.SaveChangesAsync();
        return rows;
    }

    protected async Task<T> QueryAsync<T>(MessagingHost host, Func<TestDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    protected Task<int> EffectCountAsync(MessagingHost host) => QueryAsync(host, db => db.Effects.CountAsync());

    protected Task<int> DistinctEffectCountAsync(MessagingHost host) =>
        QueryAsync(host, db => db.Effects.Select(e => e.EventId).Distinct().CountAsync());

    protected Task<int> UndispatchedCountAsync(MessagingHost host) =>
        QueryAsync(host, db => db.OutboxMessages.CountAsync(m => m.DispatchedAt == null));
}
