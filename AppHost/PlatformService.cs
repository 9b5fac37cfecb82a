using Microsoft.Extensions.Configuration;
using Samverkan.ServiceDefaults;

namespace Samverkan.AppHost;

/// <summary>One of the services: the project that serves, and its setup run that must finish first.</summary>
internal sealed record PlatformService(IResourceBuilder<ProjectResource> Project, IResourceBuilder<ProjectResource> Setup);

internal static class PlatformServiceExtensions
{
    /// <summary>
    /// The service <paramref name="name"/> on its own database and as its own user of the broker (ConnectionStrings__messaging
    /// names that user, docs/decisions/0005-bus-trust.md), and <c>{name}-setup</c>: the same project run with
    /// <see cref="ServiceSetup.ConfigurationKey"/>, which migrates the database and declares the service's queues,
    /// exchanges and bindings on the broker, then exits 0.
    /// </summary>
    /// <param name="usesBus">False for a service that neither publishes nor consumes (identity): it gets no broker user at all.</param>
    public static PlatformService AddService<TProject>(this IDistributedApplicationBuilder builder, string name, Servers servers, string database,
        bool usesBus = true)
        where TProject : IProjectMetadata, new()
    {
        var db = servers.Database(database);
        // Without a launch profile: the set-up listens on nothing, and must not take the service's port from it.
        var setup = builder.AddProject<TProject>(ResourceNames.SetupOf(name), launchProfileName: null)
            .WithReference(db).WaitFor(db)
            .WithEnvironment(ServiceSetup.EnvironmentVariable, "true")
            .WithForwardedSettings(builder);
        var project = builder.AddProject<TProject>(name)
            .WithReference(db).WaitFor(db)
            .WithHttpHealthCheck("/health") // 200 once its database and bus are connected
            .WithForwardedSettings(builder);
        if (usesBus)
            foreach (var run in new[] { setup, project })
                run.WithReference(servers.MessagingOf(name), ResourceNames.Messaging).WaitFor(servers.Messaging);
        return new PlatformService(project, setup);
    }

    /// <summary>
    /// What every process gets from the AppHost, so that one place sets it: the AppHost's environment (Development
    /// unless DOTNET_ENVIRONMENT says otherwise), and from its configuration the token settings, the messaging
    /// building block's, and log levels.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithForwardedSettings(this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder)
    {
        project.WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName);
        foreach (var section in ForwardedSections)
            project.WithForwardedSection(builder, section);
        return project;
    }

    /// <summary>Every key of one section of the AppHost's configuration, as environment variables of the process.</summary>
    public static IResourceBuilder<ProjectResource> WithForwardedSection(this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder, string section)
    {
        foreach (var (key, value) in builder.Configuration.GetSection(section).AsEnumerable())
            if (value is not null)
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
        return project;
    }

    private static readonly string[] ForwardedSections = ["Auth", "Messaging", "Logging", "Telemetry"];

    /// <summary>
    /// The gateway on <c>Gateway:Port</c> (<c>--gateway-port</c>), 8080 when not set; 0 lets Aspire choose a free
    /// port (the tests do).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayPort(this IResourceBuilder<ProjectResource> gateway, IConfiguration configuration)
    {
        var port = configuration["Gateway:Port"] is { Length: > 0 } text
            ? int.TryParse(text, out var value) && value is >= 0 and <= 65535
                ? value
                : throw new StartupException($"--gateway-port must be a port number, not '{text}'.")
            : 8080;
        return gateway.WithEndpoint("http", endpoint => endpoint.Port = port == 0 ? null : port);
    }
}
