using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Samverkan.Gateway;

/// <summary>
/// Lets YARP clusters name services ("http://actors") instead of addresses. Each destination is expanded
/// into the endpoints that .NET service discovery knows for it — in our setup the Aspire-convention
/// configuration <c>services:actors:http:0</c> that the AppHost sets — so ports are decided in one place.
/// </summary>
/// <remarks>
/// This is the job of Microsoft.Extensions.ServiceDiscovery.Yarp, which our package source lacks. YARP
/// calls the resolver when the proxy configuration loads (startup waits for it) and again whenever the
/// returned change token fires, which service discovery does when the configuration behind an endpoint
/// changes or its refresh period passes. Nothing here runs per request.
/// </remarks>
public sealed partial class ServiceDiscoveryDestinationResolver(
    ServiceEndpointResolver resolver,
    ILogger<ServiceDiscoveryDestinationResolver> logger) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        // A failure propagates on purpose: at startup a service that cannot be resolved is a configuration
        // error worth failing fast on; on a later refresh YARP logs it and keeps the previous destinations.
        var resolved = await Task.WhenAll(destinations.Select(d => ResolveAsync(d.Key, d.Value, cancellationToken)));

        var results = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>(resolved.Length);
        foreach (var (expanded, changeToken) in resolved)
        {
            foreach (var (id, config) in expanded)
                results[id] = config;
            changeTokens.Add(changeToken);
        }

        return new ResolvedDestinationCollection(results, new CompositeChangeToken(changeTokens));
    }

    private async Task<(List<KeyValuePair<string, DestinationConfig>> Expanded, IChangeToken ChangeToken)> ResolveAsync(
        string destinationId, DestinationConfig destination, CancellationToken cancellationToken)
    {
        var address = new Uri(destination.Address);
        // Service discovery is keyed on scheme and host: "http://actors" reads services:actors:http:*.
        var serviceName = address.GetLeftPart(UriPartial.Authority);
        var source = await resolver.GetEndpointsAsync(serviceName, cancellationToken);

        var expanded = new List<KeyValuePair<string, DestinationConfig>>(source.Endpoints.Count);
        foreach (var endpoint in source.Endpoints)
        {
            if (ToUri(endpoint.EndPoint, address.Scheme) is not { } target)
            {
                LogUnsupportedEndpoint(serviceName, endpoint.EndPoint.GetType().Name);
                continue;
            }

            // Keep any path of the configured address; swap in the resolved scheme, host and port. Host
            // (the outgoing Host header) stays as configured: null means "the resolved address".
            var resolvedAddress = new UriBuilder(address) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            expanded.Add(new($"{destinationId}[{resolvedAddress.Authority}]", destination with { Address = resolvedAddress.ToString() }));
            LogResolved(serviceName, resolvedAddress);
        }

        if (expanded.Count == 0)
            LogNoEndpoints(serviceName);
        return (expanded, source.ChangeToken);
    }

    /// <summary>
    /// Configuration yields <see cref="UriEndPoint"/>s; DNS and pass-through resolution yield IP and DNS
    /// endpoints, which carry no scheme and take the one the destination was written with.
    /// </summary>
    private static Uri? ToUri(EndPoint endPoint, string scheme) => endPoint switch
    {
        UriEndPoint uri => uri.Uri,
        IPEndPoint ip => new UriBuilder(scheme, ip.Address.ToString(), ip.Port).Uri,
        // Port 0 means "none given" (pass-through of a bare name): use the scheme's default port.
        DnsEndPoint dns => new UriBuilder(scheme, dns.Host, dns.Port > 0 ? dns.Port : -1).Uri,
        _ => null,
    };

    [LoggerMessage(LogLevel.Information, "Service {ServiceName} resolved to {Address}")]
    private partial void LogResolved(string serviceName, Uri address);

    [LoggerMessage(LogLevel.Warning, "Service {ServiceName} resolved to no endpoints; its routes answer 503 until it does")]
    private partial void LogNoEndpoints(string serviceName);

    [LoggerMessage(LogLevel.Warning, "Service {ServiceName} resolved to an endpoint of unsupported type {EndPointType}; skipped")]
    private partial void LogUnsupportedEndpoint(string serviceName, string endPointType);
}
