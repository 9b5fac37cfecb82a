using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// The platform as the AppHost declares it, started by Aspire's test host (Aspire.Hosting.Testing) on databases and a
/// RabbitMQ virtual host of this run's own. What every resource printed is kept, so a failing test can say it, and every
/// project exports its telemetry over OTLP/HTTP to a receiver in this process (<see cref="Telemetry"/>), where the
/// dashboard would take it in a run.
/// </summary>
public sealed class TestPlatform : IAsyncDisposable
{
    // A start on a quiet two-core machine takes under a minute; in CI it may share the cores with an in-process test
    // project (scripts/test.sh's lanes), so the wait is generous: it ends as soon as the platform is healthy.
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly CancellationTokenSource _stopWatching = new();
    private readonly PlatformRun _run;
    private DistributedApplication? _app;
    private bool _stopped;

    private TestPlatform(PlatformRun run, TimeSpan startTimeout) => (_run, StartTimeout) = (run, startTimeout);

    /// <summary>How long the start may take: longer for more processes (AppHost:Instances).</summary>
    private TimeSpan StartTimeout { get; }

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not been started.");
    public PlatformRun Run => _run;
    public string Output => string.Join('\n', _output);
    public OtlpReceiver Telemetry { get; } = new();

    /// <summary>The gateway's address (a free port of Aspire's choosing).</summary>
    public Uri Gateway => App.GetEndpoint(ResourceNames.Gateway, "http");

    /// <summary>
    /// Builds the AppHost's model on this run's servers, lets <paramref name="configure"/> change it, starts it, and
    /// waits until the gateway reports every service healthy (unless <paramref name="waitForGateway"/> is false).
    /// </summary>
    public static async Task<TestPlatform> StartAsync(
        string prefix = "e2e", Action<IDistributedApplicationTestingBuilder>? configure = null, bool waitForGateway = true,
        IDictionary<string, string>? settings = null, TimeSpan? startTimeout = null)
    {
        var run = await PlatformRun.CreateAsync(prefix);
        var platform = new TestPlatform(run, startTimeout ?? DefaultStartTimeout);
        try
        {
            await platform.StartAsync(configure, waitForGateway, settings);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(Action<IDistributedApplicationTestingBuilder>? configure, bool waitForGateway, IDictionary<string, string>? settings)
    {
        var arguments = _run.Arguments(settings);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(arguments);
        ExportTelemetry(builder);
        configure?.Invoke(builder);
        _app = await builder.BuildAsync();

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await _app.StartAsync(timeout.Token);
            WatchOutput(builder.Resources); // after the start, once each resource's running instances have names
            if (!waitForGateway)
                return;
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Web, timeout.Token);
            using var anonymous = CreateClient();
            await Eventually.Until(async () =>
            {
                try { return (await anonymous.GetAsync("/health")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, StartTimeout, "the gateway's /health to report every service healthy");
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            throw new TimeoutException($"The platform did not become healthy within {StartTimeout.TotalMinutes:0} min. It printed:\n{Output}", e);
        }
        catch (DistributedApplicationException e)
        {
            throw new InvalidOperationException($"{e.Message} It printed:\n{Output}", e);
        }
    }

    private void ExportTelemetry(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_BLRP_SCHEDULE_DELAY", "500");
    }

    /// <summary>
    /// Every line each resource writes, prefixed with its name. Aspire's resource logger keeps them, from the start, by the
    /// names of the resource's running instances, which the IResource overload resolves.
    /// </summary>
    private void WatchOutput(IEnumerable<IResource> resources)
    {
        var logs = App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in resources)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in logs.WatchAsync(resource).WithCancellation(_stopWatching.Token))
                        foreach (var line in batch)
                            _output.Enqueue($"{resource.Name}: {line.Content}");
                }
                catch (OperationCanceledException) { }
            });
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Tokens through the gateway from the platform's identity service, as an agency's system gets them.</summary>
    public PlatformTokens Tokens => _tokens ??= new PlatformTokens(CreateClient(), PlatformRun.OperatorClientId, _run.OperatorSecret);
    private PlatformTokens? _tokens;

    /// <summary>A client of the gateway with a token for the role and agency (a fresh agency when none is given), from the identity service.</summary>
    public HttpClient ClientFor(string role, Guid? agency = null)
    {
        var bearer = Tokens.Handler(role, agency ?? Guid.NewGuid());
        bearer.InnerHandler = new HttpClientHandler();
        return new HttpClient(bearer) { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>An orderly stop of every process: each flushes what it still holds (telemetry batches) before it ends.</summary>
    public async Task StopAsync()
    {
        if (_app is null || _stopped)
            return;
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
            if (_app is not null)
                await _app.DisposeAsync();
        }
        finally
        {
            await _stopWatching.CancelAsync();
            await Telemetry.DisposeAsync();
            await _run.DisposeAsync();
        }
    }
}

/// <summary>This run's own databases and RabbitMQ virtual host on the test servers (Infrastructure), dropped at the end.</summary>
public sealed class PlatformRun : IAsyncDisposable
{
    private static readonly string[] DatabaseNames =
        [ResourceNames.ActorsDb, ResourceNames.ParticipantsDb, ResourceNames.EmployersDb, ResourceNames.ReportingDb, ResourceNames.IdentityDb, ResourceNames.WebhooksDb];
    public const string OperatorClientId = "platform-operator";

    private PlatformRun(Infrastructure infra, string name)
    {
        Infra = infra;
        Name = name;
        Databases = DatabaseNames.ToDictionary(db => db, db => infra.DatabaseConnectionString($"{name}_{db}"));
    }

    public Infrastructure Infra { get; }
    public string Name { get; }
    /// <summary>The operator client's secret for this run only: tests register their agencies' clients with it, as an operator would.</summary>
    public string OperatorSecret { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
    /// <summary>The identity service's keys for this run, apart from a developer's own.</summary>
    public string KeyDirectory { get; } = Path.Combine(Path.GetTempPath(), $"samverkan-e2e-keys-{Guid.NewGuid():N}");

    /// <summary>Each service database's connection string, by resource name (actorsdb …).</summary>
    public IReadOnlyDictionary<string, string> Databases { get; }

    public string Broker => new UriBuilder(Infra.RabbitMqConnectionString) { Path = "/" + Name }.Uri.ToString();

    /// <summary>
    /// Each service's connection string as its own user on this run's virtual host, with the permissions the platform's
    /// users have (BusPermissions), by service name.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceBrokers => _serviceBrokers;
    private readonly Dictionary<string, string> _serviceBrokers = [];

    public static async Task<PlatformRun> CreateAsync(string prefix)
    {
        var infra = await Infrastructure.GetAsync();
        var run = new PlatformRun(infra, $"{prefix}{Guid.NewGuid():N}"[..15]);
        await infra.Broker.CreateVirtualHostAsync(run.Name);
        foreach (var service in BusPermissions.Services)
        {
            var permissions = BusPermissions.For(service, UserOf(run, service), BusPermissions.EventsNamespace);
            var password = await infra.Broker.CreateUserAsync(run.Name, permissions);
            run._serviceBrokers[service] = new UriBuilder(run.Broker) { UserName = permissions.User, Password = password }.Uri.ToString();
        }
        return run;
    }

    private static string UserOf(PlatformRun run, string service) => $"{run.Name}-{service}";

    /// <summary>The AppHost's command line for this run: its servers and broker users, its operator secret and keys, no dashboard, any free gateway port.</summary>
    public string[] Arguments(IDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["AppHost:Servers"] = "local",
            ["AppHost:Dashboard"] = "false",
            ["AppHost:Demo"] = "false", // the tests make their own agencies and accounts
            ["Gateway:Port"] = "0",
            [$"ConnectionStrings:{ResourceNames.Messaging}"] = Broker,
            ["ConnectionStrings:postgres"] = Infra.PostgresConnectionString,
            ["Identity:Operator:ClientSecret"] = OperatorSecret,
            ["Identity:Keys:Directory"] = KeyDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (db, connection) in Databases)
            all[$"ConnectionStrings:{db}"] = connection;
        foreach (var (service, connection) in ServiceBrokers)
            all[$"ConnectionStrings:{BusPermissions.ConnectionStringNameOf(service)}"] = connection;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            all[key] = value;
        return [.. all.Select(kv => $"--{kv.Key}={kv.Value}")];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in Databases.Values)
            await Infra.DropDatabaseAsync(database);
        await Infra.Broker.DeleteVirtualHostAsync(Name);
        foreach (var service in ServiceBrokers.Keys)
            await Infra.Broker.DeleteUserAsync(UserOf(this, service));
        try { Directory.Delete(KeyDirectory, recursive: true); } catch (IOException) { }
    }
}
