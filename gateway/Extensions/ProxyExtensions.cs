using Yarp.ReverseProxy.ServiceDiscovery;

namespace Samverkan.Gateway.Extensions;

public static class ProxyExtensions
{
    /// <summary>
    /// YARP with the routes of <see cref="GatewayRoutes"/>, destinations resolved by service discovery.
    /// </summary>
    /// <remarks>
    /// YARP logs two lines per proxied request at Information; appsettings.json raises its category
    /// ("Yarp") to Warning so the hot path does not pay for logging.
    /// </remarks>
    public static IHostApplicationBuilder AddGatewayProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters);
        // Registered after AddReverseProxy so it replaces YARP's no-op resolver (the last registration wins).
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
        return builder;
    }
}
