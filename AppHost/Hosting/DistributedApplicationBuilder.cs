using Microsoft.Extensions.Configuration;

namespace Samverkan.AppHost.Hosting;

/// <summary>Declares the resources, in the shape of Aspire's builder, so that moving to Aspire is a rename.</summary>
public sealed class DistributedApplicationBuilder
{
    public const string DefaultRabbitMq = "amqp://guest:guest@localhost:5672";
    public const string DefaultPostgres = "Host=localhost;Port=5432;Username=samverkan;Password=samverkan";

    private readonly List<ProjectResource> _projects = [];

    internal DistributedApplicationBuilder(string[] args) => Configuration = AppHostConfiguration.Build(args);

    /// <summary>appsettings.json next to the AppHost, then the environment, then the command line.</summary>
    public IConfiguration Configuration { get; }

    /// <summary><c>ConnectionStrings:{name}</c> when configured; otherwise the local RabbitMQ of scripts/infra.sh.</summary>
    public RabbitMqResource AddRabbitMq(string name) =>
        Configuration.GetConnectionString(name) is { Length: > 0 } configured
            ? new RabbitMqResource(name, configured, isConfigured: true)
            : new RabbitMqResource(name, DefaultRabbitMq, isConfigured: false);

    /// <summary><c>ConnectionStrings:{name}</c> when configured; otherwise the local PostgreSQL of scripts/infra.sh.</summary>
    public PostgresServerResource AddPostgres(string name) =>
        Configuration.GetConnectionString(name) is { Length: > 0 } configured
            ? new PostgresServerResource(name, configured, isConfigured: true, Configuration.GetConnectionString)
            : new PostgresServerResource(name, DefaultPostgres, isConfigured: false, Configuration.GetConnectionString);

    /// <param name="path">The project's folder, relative to the repository root.</param>
    public ProjectResource AddProject(string name, string path)
    {
        var project = new ProjectResource(name, path);
        _projects.Add(project);
        return project;
    }

    public DistributedApplication Build() => new(Configuration, _projects);
}

internal static class AppHostConfiguration
{
    /// <summary>Short options; anything else is given as a configuration key: <c>--ConnectionStrings:messaging=amqp://…</c>.</summary>
    public static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--gateway-port"] = "Gateway:Port",
        ["--only"] = "AppHost:Only",
        ["--environment"] = "AppHost:Environment",
        ["--startup-timeout"] = "AppHost:StartupTimeout",
    };

    public static IConfiguration Build(string[] args) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args, Switches)
        .Build();
}
