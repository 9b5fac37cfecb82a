namespace Samverkan.ServiceDefaults;

/// <summary>
/// Names of the platform's resources, shared by the AppHost, the services and the tests so that
/// configuration keys (<c>ConnectionStrings__{name}</c>, <c>services__{name}__http__0</c>) never drift apart.
/// </summary>
public static class ResourceNames
{
    public const string Messaging = "messaging";

    public const string ActorsDb = "actorsdb";
    public const string ParticipantsDb = "participantsdb";
    public const string EmployersDb = "employersdb";
    public const string ReportingDb = "reportingdb";
    public const string IdentityDb = "identitydb";
    public const string WebhooksDb = "webhooksdb";

    public const string Actors = "actors";
    public const string Participants = "participants";
    public const string Employers = "employers";
    public const string Reporting = "reporting";
    public const string Identity = "identity";
    /// <summary>Agencies' webhook endpoints and the deliveries to them, fed by the integration events.</summary>
    public const string Webhooks = "webhooks";
    public const string Gateway = "gateway";
    /// <summary>The web UI: behind the gateway at <c>/</c>, a client of the identity service, no database of its own.</summary>
    public const string Web = "web";

    /// <summary>Every service behind the gateway: its routes, its OpenAPI document, its part of /health.</summary>
    public static readonly string[] Services = [Actors, Participants, Employers, Reporting, Identity, Webhooks];

    /// <summary>The run of a service that migrates its database and declares its bus topology, then exits (ServiceSetup).</summary>
    public static string SetupOf(string service) => $"{service}-setup";

    /// <summary>
    /// The resource name of a service's instance: the first is the service's own name (what service discovery, the tests
    /// and the dashboard know), the others <c>{service}-2</c>, <c>{service}-3</c> … (AppHost:Instances).
    /// </summary>
    public static string InstanceOf(string service, int index) => index == 0 ? service : $"{service}-{index + 1}";
}
