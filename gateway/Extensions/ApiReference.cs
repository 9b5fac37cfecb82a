using Scalar.AspNetCore;
using Samverkan.ServiceDefaults;

namespace Samverkan.Gateway.Extensions;

/// <summary>
/// One interactive API reference for the whole platform at <c>/scalar</c>, listing each service's OpenAPI
/// document as the gateway proxies it (<c>/openapi/actors.json</c> …), so readers see the public paths.
/// </summary>
public static class ApiReference
{
    private const string Path = "/scalar";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(Path, options =>
        {
            options.WithTitle("Samverkan API")
                .WithOpenApiRoutePattern(GatewayRoutes.OpenApiRoutePattern);
            foreach (var service in ResourceNames.Services)
                options.AddDocument(service, Title(service), isDefault: service == ResourceNames.Actors);

            // Scalar serves its script from this assembly; also keep fonts, telemetry and the AI agent
            // off the internet, so the page works offline and sends nothing anywhere.
            options.DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent();
        }).AllowAnonymous();

        return app;
    }

    private static string Title(string service) => char.ToUpperInvariant(service[0]) + service[1..];
}
