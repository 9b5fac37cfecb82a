using System.Net.Http.Headers;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// One whole platform for the end-to-end tests: the AppHost with all four services and the gateway, on
/// databases and a RabbitMQ virtual host of this run's own, torn down with Ctrl+C at the end.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly JwtSettings Auth = new() { SigningKey = "end-to-end-tests-signing-key-0123456789abcdef" };
    private readonly string _run = $"e2e{Guid.NewGuid():N}"[..15];
    private readonly List<string> _databases = [];
    private Infrastructure _infra = null!;

    public AppHostProcess Platform { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _infra = await Infrastructure.GetAsync();
        await _infra.Broker.CreateVirtualHostAsync(_run);
        Platform = AppHostProcess.Start(Environment(_infra, _run, _databases));
        Anonymous = new HttpClient { BaseAddress = Platform.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilHealthyAsync(Platform, Anonymous);
    }

    /// <summary>What the AppHost is given: this run's databases, virtual host and signing key.</summary>
    public static Dictionary<string, string> Environment(Infrastructure infra, string run, List<string>? databases = null)
    {
        var broker = new UriBuilder(infra.RabbitMqConnectionString) { Path = "/" + run };
        var environment = new Dictionary<string, string>
        {
            [$"ConnectionStrings__{ResourceNames.Messaging}"] = broker.Uri.ToString(),
            ["ConnectionStrings__postgres"] = infra.PostgresConnectionString,
            ["Auth__SigningKey"] = Auth.SigningKey!,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var db in new[] { ResourceNames.ActorsDb, ResourceNames.ParticipantsDb, ResourceNames.EmployersDb, ResourceNames.ReportingDb })
        {
            var connection = infra.DatabaseConnectionString($"{run}_{db}");
            environment[$"ConnectionStrings__{db}"] = connection;
            databases?.Add(connection);
        }
        return environment;
    }

    /// <summary>Waits for the gateway's /health to report every service healthy; the AppHost's output goes into the failure.</summary>
    public static async Task WaitUntilHealthyAsync(AppHostProcess platform, HttpClient anonymous)
    {
        try
        {
            await Eventually.Until(async () =>
            {
                if (platform.HasExited)
                    throw new InvalidOperationException($"The AppHost exited ({platform.ExitCode}):\n{platform.Output}");
                try { return (await anonymous.GetAsync("/health")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromMinutes(3), "the gateway's /health to report every service healthy");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nThe platform printed:\n{platform.Output}", ex);
        }
    }

    public HttpClient ClientFor(string role, Guid? agency = null) => ClientFor(Platform, role, agency);

    /// <summary>A client of the gateway with a development token for the role and agency (a fresh agency when none is given).</summary>
    public static HttpClient ClientFor(AppHostProcess platform, string role, Guid? agency = null)
    {
        var client = new HttpClient { BaseAddress = platform.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", DevTokens.Create(Auth, role, (agency ?? Guid.NewGuid()).ToString()));
        return client;
    }

    public async Task DisposeAsync()
    {
        Anonymous?.Dispose();
        if (Platform is not null)
            await Platform.DisposeAsync();
        foreach (var database in _databases)
            await _infra.DropDatabaseAsync(database);
        await _infra.Broker.DeleteVirtualHostAsync(_run);
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
