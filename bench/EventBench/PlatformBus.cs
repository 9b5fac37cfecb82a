using MassTransit;

namespace Samverkan.Bench.EventBench;

/// <summary>
/// A bus that publishes as the services' outbox dispatchers do (the platform's JSON settings, publisher confirms,
/// durable exchanges), for the modes that put events straight onto RabbitMQ in place of a service.
/// </summary>
public static class PlatformBus
{
    public static async Task<IBusControl> StartAsync(Uri rabbit)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            Host(cfg, rabbit);
            cfg.ConfigureJsonSerializerOptions(json =>
            {
                Samverkan.ServiceDefaults.Http.JsonConventions.Apply(json);
                return json;
            });
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return bus;
    }

    /// <summary>The broker at <paramref name="rabbit"/> (amqp://user:password@host:port/vhost), with publisher confirms and durable exchanges.</summary>
    public static void Host(IRabbitMqBusFactoryConfigurator cfg, Uri rabbit)
    {
        var (host, port, vhost, user, password) = RawBusBench.Parse(rabbit);
        cfg.Host(host, port, vhost, h =>
        {
            h.Username(user);
            h.Password(password);
            h.PublisherConfirmation = true;
        });
        cfg.Durable = true;
    }
}
