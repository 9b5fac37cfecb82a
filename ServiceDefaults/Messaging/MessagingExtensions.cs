using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Samverkan.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string ActivitySourceName = "Samverkan.Messaging";

    /// <summary>
    /// MassTransit on RabbitMQ (connection string <c>ConnectionStrings:messaging</c>, an amqp:// or amqps:// URI as Aspire
    /// writes it, naming the service's own user), the outbox dispatcher for <typeparamref name="TDbContext"/>, and the retry policy for every
    /// consumer endpoint. Each service gets its own queues: endpoint names carry the service name as prefix.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TDbContext : DbContext, IMessagingDbContext
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection(MessagingOptions.Section));
        var broker = RabbitMqConnection.Parse(builder.Configuration.GetConnectionString(ResourceNames.Messaging));

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<InboxGroupCommit>();
        builder.Services.TryAddSingleton<OutboxCommitInterceptor>();
        builder.Services.TryAddSingleton(new DeadLetters(broker, serviceName));
        builder.Services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<DeadLetters>()); // learns the queues
        if (options.DispatcherEnabled)
            builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();

        builder.Services.AddMassTransit(x =>
        {
            // MassTransit would report usage to its vendor over the internet: a public-sector platform does not call
            // out, and where it cannot (these machines) every start logged the failed attempt.
            x.DisableUsageTelemetry();
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configureConsumers?.Invoke(x);

            // One retry policy for every endpoint; after it, MassTransit moves the message to <queue>_error.
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval,
                    TimeSpan.FromMilliseconds(Math.Max(1, options.RetryMinInterval.TotalMilliseconds))));
                endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                // No Fault<T> is published: nothing consumes one, the _error queue keeps the message with its exception,
                // and a service's user may publish only its own events (docs/decisions/0005-bus-trust.md).
                endpoint.PublishFaults = false;
                // Quorum queues are replicated over a cluster's nodes and survive losing one (their _error and _skipped
                // queues follow the endpoint's). A queue's type is fixed at its declaration, so an existing classic queue
                // must be drained and deleted before this is switched on.
                if (options.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    rabbit.SetQuorumQueue(options.QuorumReplicationFactor);
            });

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker.Host, broker.Port, broker.VirtualHost, h =>
                {
                    broker.Configure(h); // the service's own user; TLS for amqps://
                    h.PublisherConfirmation = true; // Publish completes only once the broker has the message
                });
                cfg.Durable = true;
                // A set-up run (ServiceSetup) declares the topology and consumes nothing.
                var setupOnly = ServiceSetup.IsSetupOnly(builder.Configuration);
                cfg.DeployTopologyOnly = setupOnly;
                cfg.DeployPublishTopology = setupOnly;
                cfg.PrefetchCount = options.ConcurrentMessageLimit;
                cfg.ConfigureJsonSerializerOptions(json =>
                {
                    Http.JsonConventions.Apply(json);
                    return json;
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
