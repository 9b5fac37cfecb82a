using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.AppHost;

/// <summary>
/// RabbitMQ and PostgreSQL, and the databases the services get on it. The choice between containers and servers
/// already running is made before anything is declared: without a Docker engine a declared container never becomes
/// healthy, and everything waiting for it would wait for ever.
/// </summary>
internal sealed class Servers(
    IResourceBuilder<IResourceWithConnectionString> messaging,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> database,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> messagingOf)
{
    public const string DefaultRabbitMq = "amqp://guest:guest@localhost:5672";
    public const string DefaultPostgres = "Host=localhost;Port=5432;Username=samverkan;Password=samverkan";
    private const string PostgresServer = "postgres";

    /// <summary>The broker as its administrator (or the one user configured), for health and waiting.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Messaging { get; } = messaging;

    /// <summary>The broker as <paramref name="service"/>'s own user (BusUsers), which the service gets as its <c>messaging</c>.</summary>
    public IResourceBuilder<IResourceWithConnectionString> MessagingOf(string service) => messagingOf(service);

    /// <summary>The database <paramref name="name"/>, for one service alone.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Database(string name) => database(name);

    public static Servers Declare(IDistributedApplicationBuilder builder) =>
        ServerMode.Choose(builder.Configuration) == ServerMode.Containers ? Containers(builder) : Local(builder);

    /// <summary>Aspire runs both as containers, their data in named volumes that outlive a run.</summary>
    private static Servers Containers(IDistributedApplicationBuilder builder)
    {
        // The management plugin is how the AppHost creates each service's user on the container (BusUsers).
        var rabbit = builder.AddRabbitMQ(ResourceNames.Messaging).WithDataVolume().WithManagementPlugin();
        var postgres = builder.AddPostgres(PostgresServer).WithDataVolume();
        return new Servers(rabbit, name => postgres.AddDatabase(name), BusUsers.Containers(builder, rabbit));
    }

    /// <summary>
    /// Servers already running: the connection strings of the configuration, or those scripts/infra.sh starts. Each
    /// is a connection-string resource with a health check (ServerProbe), so a service that waits for it starts only
    /// once the server answers; a server that does not answer at all stops start-up with one message saying what to do.
    /// </summary>
    private static Servers Local(IDistributedApplicationBuilder builder)
    {
        var rabbitMq = Configured(builder, ResourceNames.Messaging, DefaultRabbitMq);
        var postgres = Configured(builder, PostgresServer, DefaultPostgres);
        // Each service's own user; none where a broker is configured without them (every service is then that one user).
        var serviceBrokers = BusPermissions.Services
            .Select(service => (service, broker: BusUsers.Local(builder.Configuration, service, rabbitMq)))
            .Where(x => x.broker is not null)
            .ToDictionary(x => x.service, x => x.broker!);
        builder.Eventing.Subscribe<BeforeStartEvent>(async (_, cancellationToken) =>
        {
            await ServerProbe.RabbitMqAsync(rabbitMq, cancellationToken);
            foreach (var serviceBroker in serviceBrokers.Values)
                await ServerProbe.RabbitMqAsync(serviceBroker, cancellationToken);
            await ServerProbe.PostgresAsync(postgres, cancellationToken);
        });

        var messaging = AddChecked(builder, ResourceNames.Messaging, rabbitMq.Value, ct => ServerProbe.RabbitMqAsync(rabbitMq, ct));
        var perService = serviceBrokers.ToDictionary(kv => kv.Key, kv => builder.AddConnectionString(kv.Value.Name, ReferenceExpression.Create($"{kv.Value.Value}")));
        return new Servers(messaging, name =>
        {
            // A database's own connection string is used as it is (the tests give theirs); else the server's, with Database=name.
            var own = builder.Configuration.GetConnectionString(name);
            var connection = new ConfiguredServer(name, own ?? $"{postgres.Value.TrimEnd(';')};Database={name}", own is not null || postgres.IsConfigured);
            return AddChecked(builder, name, connection.Value, ct => ServerProbe.PostgresAsync(connection, ct));
        }, service => perService.TryGetValue(service, out var own) ? own : messaging);
    }

    private static ConfiguredServer Configured(IDistributedApplicationBuilder builder, string name, string fallback) =>
        builder.Configuration.GetConnectionString(name) is { Length: > 0 } configured
            ? new ConfiguredServer(name, configured, IsConfigured: true)
            : new ConfiguredServer(name, fallback, IsConfigured: false);

    private static IResourceBuilder<IResourceWithConnectionString> AddChecked(
        IDistributedApplicationBuilder builder, string name, string connectionString, Func<CancellationToken, Task> probe)
    {
        var check = $"{name}-answers";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, async cancellationToken =>
        {
            try
            {
                await probe(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (StartupException e)
            {
                return HealthCheckResult.Unhealthy(e.Message);
            }
        });
        return builder.AddConnectionString(name, ReferenceExpression.Create($"{connectionString}")).WithHealthCheck(check);
    }
}

/// <summary>A connection string and where it came from, so that a message can name the setting to correct.</summary>
internal sealed record ConfiguredServer(string Name, string Value, bool IsConfigured)
{
    public string SettingName => $"ConnectionStrings__{Name}";
}

/// <summary><c>AppHost:Servers</c> (<c>--servers</c>): detect, containers or local.</summary>
internal static class ServerMode
{
    public const string Containers = "containers";
    public const string Local = "local";
    private const string Detect = "detect";

    public static string Choose(IConfiguration configuration)
    {
        var value = configuration["AppHost:Servers"];
        var mode = string.IsNullOrEmpty(value) ? Detect : value.ToLowerInvariant();
        return mode switch
        {
            Containers or Local => mode,
            // Servers named by configuration are used as they are; otherwise containers where an engine answers.
            Detect => configuration.GetConnectionString(ResourceNames.Messaging) is null
                      && configuration.GetConnectionString("postgres") is null
                      && DockerEngine.Answers()
                ? Containers
                : Local,
            _ => throw new StartupException($"--servers takes detect, containers or local, not '{value}'."),
        };
    }
}
