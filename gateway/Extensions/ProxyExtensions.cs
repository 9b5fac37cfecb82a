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
        // Destinations name services ("http://actors"); service discovery turns each into the addresses the AppHost
        // gives (services:actors:http:*), one destination per replica.
        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes, GatewayRoutes.Clusters)
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }
}
