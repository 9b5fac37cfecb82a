using Samverkan.Gateway.Extensions;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;

namespace Samverkan.Gateway;

/// <summary>
/// Every route and cluster of the gateway, in one place. Kept in code rather than appsettings so that
/// service names come from <see cref="ResourceNames"/> and policy names from <see cref="Policies"/>: a
/// renamed service or policy breaks the build instead of silently breaking a route.
/// </summary>
public static class GatewayRoutes
{
    /// <summary>Public path prefix → the service that owns it.</summary>
    private static readonly (string Prefix, string Service)[] ApiPrefixes =
    [
        ("/api/actors", ResourceNames.Actors),
        ("/api/collaborations", ResourceNames.Actors),
        ("/api/participants", ResourceNames.Participants),
        ("/api/employers", ResourceNames.Employers),
        ("/api/offers", ResourceNames.Employers),
        ("/api/reports", ResourceNames.Reporting),
        ("/api/identity", ResourceNames.Identity),
        ("/api/webhooks", ResourceNames.Webhooks),
    ];

    /// <summary>
    /// The identity service's OpenID Connect endpoints and sign-in pages: open to anyone, since this is where a
    /// token is obtained (OpenIddict checks the client, and the login page the password).
    /// </summary>
    private static readonly string[] SignInPrefixes = ["/connect", "/.well-known", "/account"];

    /// <summary>What each service answers its OpenAPI document on.</summary>
    private const string ServiceOpenApiPath = "/openapi/v1.json";

    /// <summary>Where the gateway exposes a service's OpenAPI document; Scalar's default pattern.</summary>
    public const string OpenApiRoutePattern = "/openapi/{documentName}.json";

    public static IReadOnlyList<RouteConfig> Routes { get; } = [.. ApiRoutes(), .. SignInRoutes(), .. OpenApiRoutes(), WebRoute()];

    public static IReadOnlyList<ClusterConfig> Clusters { get; } = [.. ResourceNames.Services.Select(Cluster), Cluster(ResourceNames.Web)];

    // "{**catch-all}" is optional, so "/api/actors" matches as well as "/api/actors/{id}"; the path is
    // forwarded unchanged because each service serves the same public paths.
    // Authorization here is a first gate that turns strangers away before they cost a backend call; the
    // Authorization header is forwarded as it came and each service checks the token again.
    private static IEnumerable<RouteConfig> ApiRoutes() =>
        ApiPrefixes.Select(api => new RouteConfig
        {
            RouteId = $"api{api.Prefix[4..].Replace('/', '-')}",
            ClusterId = api.Service,
            Match = new RouteMatch { Path = $"{api.Prefix}/{{**catch-all}}" },
            AuthorizationPolicy = Policies.Authenticated,
            RateLimiterPolicy = RateLimiting.PerClientPolicy,
        });

    // The identity service sees the public host (X-Forwarded-Host is added by YARP too), so a redirect to the login
    // page stays on the gateway's address.
    private static IEnumerable<RouteConfig> SignInRoutes() =>
        SignInPrefixes.Select(prefix => new RouteConfig
        {
            RouteId = $"signin{prefix.Replace('/', '-').Replace(".", "", StringComparison.Ordinal)}",
            ClusterId = ResourceNames.Identity,
            Match = new RouteMatch { Path = $"{prefix}/{{**catch-all}}" },
            AuthorizationPolicy = "Anonymous", // YARP's reserved name for AllowAnonymous
            RateLimiterPolicy = RateLimiting.PerClientPolicy,
        }.WithTransformUseOriginalHostHeader());

    // The documents are public (they describe the API, not data). The original Host header goes along so
    // the document's "servers" entry names the gateway, and Scalar's "try it" calls go through the gateway.
    private static IEnumerable<RouteConfig> OpenApiRoutes() =>
        ResourceNames.Services.Select(service => new RouteConfig
            {
                RouteId = $"openapi-{service}",
                ClusterId = service,
                Match = new RouteMatch { Path = OpenApiRoutePattern.Replace("{documentName}", service) },
                AuthorizationPolicy = "Anonymous", // YARP's reserved name for AllowAnonymous
                RateLimiterPolicy = RateLimiting.PerClientPolicy,
            }
            .WithTransformPathSet(ServiceOpenApiPath)
            .WithTransformUseOriginalHostHeader());

    // Everything no other route claims is the web UI's: its pages sign people in themselves (a cookie, then the identity
    // service), so the gateway lets every request through. Last in order, so an API path never falls to it. The original
    // Host goes along so that the UI's redirect URIs name the gateway's address, which the identity service registered.
    private static RouteConfig WebRoute() => new RouteConfig
        {
            RouteId = "web",
            ClusterId = ResourceNames.Web,
            Match = new RouteMatch { Path = "/{**catch-all}" },
            Order = int.MaxValue,
            AuthorizationPolicy = "Anonymous", // YARP's reserved name for AllowAnonymous
            RateLimiterPolicy = RateLimiting.PerClientPolicy,
        }
        .WithTransformUseOriginalHostHeader();

    // The destination is the service's name, not an address: service discovery (ServiceDiscovery.Yarp) turns
    // "http://actors" into whatever services:actors:http:* says, so ports live only in the AppHost. With more than one
    // instance that is one destination each, taken in turn: request by request, not connection by connection, so even one
    // caller on one kept-alive connection reaches every instance.
    private static ClusterConfig Cluster(string service) => new()
    {
        ClusterId = service,
        LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
        Destinations = new Dictionary<string, DestinationConfig>
        {
            [service] = new() { Address = $"http://{service}" },
        },
    };
}
