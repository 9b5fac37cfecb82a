namespace Samverkan.AppHost;

/// <summary>
/// The dashboard on http, at fixed local addresses, unless the environment says otherwise. These machines have no
/// trusted developer certificate, so Aspire's https defaults would stop start-up. The same values stand in the http
/// launch profile (Properties/launchSettings.json) for <c>dotnet run</c>; this covers running the built AppHost, which
/// scripts/run.sh does so that Ctrl+C reaches it.
/// </summary>
internal static class DashboardDefaults
{
    private static readonly (string Name, string Value)[] Defaults =
    [
        ("ASPNETCORE_URLS", "http://localhost:18888"),
        ("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://localhost:18889"),
        ("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", "http://localhost:18890"),
        ("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true"),
        ("DOTNET_ENVIRONMENT", "Development"),
    ];

    public static void Apply()
    {
        foreach (var (name, value) in Defaults)
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
                Environment.SetEnvironmentVariable(name, value);
    }
}
