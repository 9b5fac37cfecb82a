using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.ServiceDefaults;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>The real Actors service in-process, on its own fresh database and the real broker.</summary>
public class ActorsApiFactory() : ServiceApiFactory<Program>(ResourceNames.ActorsDb);

/// <summary>
/// The same, on a RabbitMQ virtual host of its own. Needed where a test publishes another service's event
/// for Actors to consume: on the shared virtual host every Actors factory alive competes for that queue, and
/// the message could land in another test's database.
/// </summary>
public sealed class IsolatedBrokerActorsApiFactory : ActorsApiFactory
{
    private readonly string _virtualHost = $"actors-tests-{Guid.NewGuid():N}";
    private bool _deleted;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Infra.Broker.CreateVirtualHostAsync(_virtualHost);
        _ = Server; // starts the host: migrations, bus
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", $"{Infra.RabbitMqConnectionString.TrimEnd('/')}/{_virtualHost}");
    }

    /// <summary>Publishes as the owning service's outbox would: under a message id the inbox deduplicates on.</summary>
    public async Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        await Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId ?? Guid.NewGuid());

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_deleted)
            return;
        _deleted = true;
        await Infra.Broker.DeleteVirtualHostAsync(_virtualHost);
    }
}
