using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>
/// A service-shaped process built from the real building block: our DbContext registration, outbox
/// dispatcher, idempotent consumers and MassTransit on the real RabbitMQ. Each test gets its own database
/// and its own queue names; the test base removes the queues at the end of the test.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _rabbitMq;
    private readonly string _service;

    private MessagingHost(IHost host, string rabbitMq, string service)
    {
        _host = host;
        _rabbitMq = rabbitMq;
        _service = service;
    }


    public IServiceProvider Services => _host.Services;
    public ConsumeLog ConsumeLog { get; } = new();

    public static Task<MessagingHost> StartAsync(
        Infrastructure infra, string database, string service, IDictionary<string, string?>? settings = null,
        Action<IBusRegistrationConfigurator>? consumers = null) =>
        StartAsync(infra.RabbitMqConnectionString, database, service, settings, consumers);

    /// <summary>The same host from connection strings alone: what <see cref="CrashChild"/> runs in a process of its own.</summary>
    public static async Task<MessagingHost> StartAsync(
        string rabbitMq, string database, string service, IDictionary<string, string?>? settings = null,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:testdb"] = database,
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = rabbitMq,
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RetryMinInterval"] = "00:00:00.020",
            ["Messaging:RetryMaxInterval"] = "00:00:00.100",
            ["Messaging:PublishTimeout"] = "00:00:05",
            ["Messaging:MaxBackoff"] = "00:00:01",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);

        builder.AddServiceDbContext<TestDbContext>("testdb");
        builder.AddMessaging<TestDbContext>(service, consumers ?? (x =>
        {
            x.AddConsumer<RecordingConsumer>();
            x.AddConsumer<FailingConsumer>();
        }));
        builder.Services.AddSingleton<AttemptCounter>();

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();

        var messagingHost = new MessagingHost(host, rabbitMq, service);
        host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(messagingHost.ConsumeLog);
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return messagingHost;
    }

    public string QueueOf<TConsumer>() where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter(_service, includeNamespace: false).Consumer<TConsumer>();

    /// <summary>Messages ready in a queue; 0 for a queue not declared yet (MassTransit makes _error queues on first use).</summary>
    public async Task<uint> MessagesInQueueAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_rabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>Stops the process; its durable queues stay, as they would for a crashed or restarted service.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }

    /// <summary>Removes a test's queues at its end, so later tests' events do not pile up in them.</summary>
    public static async Task DeleteQueuesAsync(Infrastructure infra, string service)
    {
        var names = new KebabCaseEndpointNameFormatter(service, includeNamespace: false);
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(infra.RabbitMqConnectionString) }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var queue in new[] { names.Consumer<RecordingConsumer>(), names.Consumer<FailingConsumer>() })
            foreach (var name in new[] { queue, queue + "_error", queue + "_skipped" })
            {
                await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
                await channel.ExchangeDeleteAsync(name, ifUnused: false);
            }
        }
        catch (Exception)
        {
            // Best effort: a leftover queue costs disk, not correctness.
        }
    }
}
