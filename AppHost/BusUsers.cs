using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.AppHost;

/// <summary>
/// Each service's own RabbitMQ user (docs/decisions/0005-bus-trust.md): its connection string, and on a broker the AppHost
/// runs as a container, the user itself.
/// </summary>
internal static class BusUsers
{
    public const string CredentialsKey = "AppHost:BusCredentials";
    public const string CredentialsVariable = "SAMVERKAN_BUS_CREDENTIALS";

    /// <summary>
    /// The connection string of <paramref name="service"/> on the local servers: <c>ConnectionStrings:messaging-{service}</c>
    /// when given; else, on the broker scripts/infra.sh runs (no <c>ConnectionStrings:messaging</c> configured), its user
    /// with the password infra.sh generated; else null, and the service connects as the configured user.
    /// </summary>
    public static ConfiguredServer? Local(IConfiguration configuration, string service, ConfiguredServer broker)
    {
        var name = BusPermissions.ConnectionStringNameOf(service);
        if (configuration.GetConnectionString(name) is { Length: > 0 } own)
            return new ConfiguredServer(name, own, IsConfigured: true);
        if (broker.IsConfigured)
            return null;

        var file = CredentialsFile(configuration);
        var password = File.Exists(file)
            ? File.ReadLines(file).Select(line => line.Split('=', 2)).LastOrDefault(kv => kv.Length == 2 && kv[0].Trim() == service)?[1].Trim()
            : null;
        if (string.IsNullOrEmpty(password))
            throw new StartupException(
                $"No RabbitMQ password for the service '{service}' in {file}. Run `bash scripts/infra.sh`, which creates each service's " +
                $"user, or set ConnectionStrings__{name}.");
        var uri = new UriBuilder(broker.Value) { UserName = Uri.EscapeDataString(BusPermissions.UserOf(service)), Password = Uri.EscapeDataString(password) };
        return new ConfiguredServer(name, uri.Uri.ToString().TrimEnd('/'), IsConfigured: false);
    }

    /// <summary>Where scripts/infra.sh keeps the passwords: <c>~/.config/samverkan/bus-users</c> unless configured.</summary>
    public static string CredentialsFile(IConfiguration configuration) =>
        configuration[CredentialsKey] is { Length: > 0 } configured ? configured
        : Environment.GetEnvironmentVariable(CredentialsVariable) is { Length: > 0 } variable ? variable
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "samverkan", "bus-users");

    /// <summary>
    /// On RabbitMQ as an Aspire container: a password parameter per service (generated, kept in the AppHost's user
    /// secrets like the broker's own), the users created through the management API once the broker is up and before
    /// anything waiting for it starts, and each service's connection string naming its user. Not run on these machines
    /// (no Docker engine); the local servers' path is the tested one.
    /// </summary>
    public static Func<string, IResourceBuilder<IResourceWithConnectionString>> Containers(
        IDistributedApplicationBuilder builder, IResourceBuilder<RabbitMQServerResource> rabbit)
    {
        var passwords = BusPermissions.Services.ToDictionary(s => s, s =>
            builder.AddParameter($"{BusPermissions.ConnectionStringNameOf(s)}-password",
                new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true));
        builder.Eventing.Subscribe<ResourceReadyEvent>(rabbit.Resource, async (ready, cancellationToken) =>
        {
            var server = rabbit.Resource;
            using var http = new HttpClient { BaseAddress = new Uri(server.GetEndpoint("management").Url) };
            var admin = $"{await server.UserNameReference.GetValueAsync(cancellationToken)}:{await server.PasswordParameter.GetValueAsync(cancellationToken)}";
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(admin)));
            foreach (var (service, password) in passwords)
            {
                var permissions = BusPermissions.For(service);
                var user = Uri.EscapeDataString(permissions.User);
                (await http.PutAsJsonAsync($"api/users/{user}",
                    new { password = await password.Resource.GetValueAsync(cancellationToken), tags = "" }, cancellationToken)).EnsureSuccessStatusCode();
                (await http.PutAsJsonAsync($"api/permissions/%2F/{user}",
                    new { configure = permissions.Configure, write = permissions.Write, read = permissions.Read }, cancellationToken)).EnsureSuccessStatusCode();
            }
        });

        var endpoint = rabbit.Resource.PrimaryEndpoint;
        var resources = passwords.ToDictionary(kv => kv.Key, kv => (IResourceBuilder<IResourceWithConnectionString>)builder.AddConnectionString(
            BusPermissions.ConnectionStringNameOf(kv.Key),
            ReferenceExpression.Create(
                $"amqp://{BusPermissions.UserOf(kv.Key)}:{kv.Value.Resource}@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}")));
        return service => resources.TryGetValue(service, out var own) ? own : rabbit;
    }
}
