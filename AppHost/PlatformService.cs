using Microsoft.Extensions.Configuration;
using Samverkan.ServiceDefaults;

namespace Samverkan.AppHost;

/// <summary>
/// One of the services: the processes that serve (one per instance, <see cref="Project"/> first), and its setup run that
/// must finish first.
/// </summary>
internal sealed record PlatformService(string Name, IReadOnlyList<IResourceBuilder<ProjectResource>> Instances, IResourceBuilder<ProjectResource> Setup)
{
    /// <summary>The first instance, under the service's own name.</summary>
    public IResourceBuilder<ProjectResource> Project => Instances[0];
}

internal static class PlatformServiceExtensions
{
    /// <summary>
    /// The service <paramref name="name"/> on its own database and as its own user of the broker (ConnectionStrings__messaging
    /// names that user, docs/decisions/0005-bus-trust.md), and <c>{name}-setup</c>: the same project run with
    /// <see cref="ServiceSetup.ConfigurationKey"/>, which migrates the database and declares the service's queues,
    /// exchanges and bindings on the broker, then exits 0.
    /// </summary>
    /// <param name="usesBus">False for a service that neither publishes nor consumes (identity): it gets no broker user at all.</param>
    /// <param name="instances">
    /// How many processes serve (AppHost:Instances). Each is a resource of its own (<see cref="ResourceNames.InstanceOf"/>)
    /// rather than one of Aspire's replicas: replicas sit behind one TCP-level proxy that picks an instance per connection,
    /// and the gateway's pooled connections then all land on the same one (seen in a trial; Aspire refuses replicas on
    /// endpoints without its proxy). Every instance's own address is listed under the service's name for service discovery
    /// (<see cref="WithReferenceTo"/>), and the gateway spreads requests over them one by one.
    /// </param>
    public static PlatformService AddService<TProject>(this IDistributedApplicationBuilder builder, string name, Servers servers, string database,
        bool usesBus = true, int instances = 1)
        where TProject : IProjectMetadata, new()
    {
        var db = servers.Database(database);
        // Without a launch profile: the set-up listens on nothing, and must not take the service's port from it.
        var setup = builder.AddProject<TProject>(ResourceNames.SetupOf(name), launchProfileName: null)
            .WithReference(db).WaitFor(db)
            .WithEnvironment(ServiceSetup.EnvironmentVariable, "true")
            .WithForwardedSettings(builder);
        var projects = Enumerable.Range(0, instances).Select(index => (index == 0
                ? builder.AddProject<TProject>(name)
                // The launch profile's fixed port belongs to the first instance; the others listen on any free one.
                : builder.AddProject<TProject>(ResourceNames.InstanceOf(name, index), launchProfileName: null).WithHttpEndpoint())
            .WithReference(db).WaitFor(db)
            .WithHttpHealthCheck("/health") // 200 once its database and bus are connected
            .WithForwardedSettings(builder)).ToList();
        if (usesBus)
            foreach (var run in projects.Prepend(setup))
                run.WithReference(servers.MessagingOf(name), ResourceNames.Messaging).WaitFor(servers.Messaging);
        return new PlatformService(name, projects, setup);
    }

    /// <summary>
    /// <paramref name="service"/>'s addresses for service discovery in <paramref name="caller"/>: every instance's under
    /// the service's name (<c>services__{name}__http__0</c>, <c>__1</c> …), so that <c>http://{name}</c> resolves to all
    /// of them.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReferenceTo(this IResourceBuilder<ProjectResource> caller, PlatformService service)
    {
        caller.WithReference(service.Project);
        for (var index = 1; index < service.Instances.Count; index++)
            caller.WithEnvironment($"services__{service.Name}__http__{index}", service.Instances[index].GetEndpoint("http"));
        return caller;
    }

    /// <summary>AppHost:Instances (<c>--instances</c>): how many processes run each service that can run more than once; 1 unless set.</summary>
    public static int Instances(IConfiguration configuration) =>
        configuration[InstancesKey] is not { Length: > 0 } text ? 1
        : int.TryParse(text, out var value) && value is >= 1 and <= 8 ? value
        : throw new StartupException($"--instances must be a whole number from 1 to 8, not '{text}'.");

    public const string InstancesKey = "AppHost:Instances";

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
