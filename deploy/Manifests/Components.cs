using Samverkan.ServiceDefaults;

namespace Samverkan.Deploy;

/// <summary>
/// One process of the platform as a cluster runs it: the same processes the AppHost runs (its services, each first as a
/// set-up Job, the gateway and the web), named by <see cref="ResourceNames"/> so that configuration keys and service
/// discovery addresses are the ones the code reads.
/// </summary>
/// <param name="Database">Its own PostgreSQL database (ConnectionStrings__{Database}), or null.</param>
/// <param name="UsesBus">Publishes or consumes: needs its own RabbitMQ user (ConnectionStrings__messaging).</param>
/// <param name="KeyDirectorySetting">
/// The setting naming a directory of keys the process writes and must not lose (Data Protection key rings, token signing
/// keys): a persistent volume shared by its replicas, or null.
/// </param>
/// <param name="SecretSettings">Settings that come from the component's Secret besides the connection strings.</param>
/// <param name="MaxReplicas">The autoscaler's ceiling; 1 means a single instance, and why is in <paramref name="SingleInstanceBecause"/>.</param>
public sealed record Component(
    string Name,
    string? Database,
    bool UsesBus,
    string? KeyDirectorySetting,
    string[] SecretSettings,
    int MaxReplicas,
    string? SingleInstanceBecause = null)
{
    /// <summary>The container image the SDK builds for it (ContainerRepository in Directory.Build.targets).</summary>
    public string Image => $"samverkan/{Name}";

    /// <summary>Runs a set-up Job (migrations, bus topology) before it starts: every process with a database.</summary>
    public bool HasSetup => Database is not null;

    /// <summary>Every setting its Secret must hold, connection strings first.</summary>
    public IEnumerable<string> RequiredSecrets =>
        new[] { Database is null ? null : $"ConnectionStrings__{Database}", UsesBus ? $"ConnectionStrings__{ResourceNames.Messaging}" : null }
            .OfType<string>().Concat(SecretSettings);
}

public static class Components
{
    /// <summary>The port every process listens on in its container (ASPNETCORE_HTTP_PORTS).</summary>
    public const int HttpPort = 8080;

    public static IReadOnlyList<Component> All { get; } =
    [
        new(ResourceNames.Actors, ResourceNames.ActorsDb, UsesBus: true, null, [], MaxReplicas: 6),
        new(ResourceNames.Participants, ResourceNames.ParticipantsDb, UsesBus: true, "Participants__KeyDirectory",
            ["Participants__LookupKey"], MaxReplicas: 6),
        // The matching index lives in each instance's memory; every instance learns the others' changes through
        // PostgreSQL notifications (services/Employers/Infrastructure/MatchingIndexNotices.cs).
        new(ResourceNames.Employers, ResourceNames.EmployersDb, UsesBus: true, null, [], MaxReplicas: 6),
        new(ResourceNames.Reporting, ResourceNames.ReportingDb, UsesBus: true, null, [], MaxReplicas: 6),
        new(ResourceNames.Identity, ResourceNames.IdentityDb, UsesBus: false, "Identity__Keys__Directory",
            ["Identity__Operator__ClientSecret"], MaxReplicas: 4),
        new(ResourceNames.Webhooks, ResourceNames.WebhooksDb, UsesBus: true, "Webhooks__KeyDirectory", [], MaxReplicas: 4),
        new(ResourceNames.Gateway, null, UsesBus: false, null, [], MaxReplicas: 10),
        new(ResourceNames.Web, null, UsesBus: false, "Web__KeyDirectory", [], MaxReplicas: 4),
    ];

    /// <summary>The processes the gateway and the services find by name: services__{name}__http__0.</summary>
    public static IEnumerable<string> Discoverable => All.Select(c => c.Name);
}
