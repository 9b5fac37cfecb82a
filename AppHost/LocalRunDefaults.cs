using Microsoft.Extensions.Configuration;

namespace Samverkan.AppHost;

/// <summary>
/// Defaults for running on a developer's machine. The dashboard on http, at fixed local addresses, unless the
/// environment says otherwise: these machines have no trusted developer certificate, so Aspire's https defaults would
/// stop start-up. The same values stand in the http launch profile (Properties/launchSettings.json) for
/// <c>dotnet run</c>; this covers running the built AppHost, which scripts/run.sh does so that Ctrl+C reaches it.
/// </summary>
internal static class LocalRunDefaults
{
    private static readonly (string Name, string Value)[] Defaults =
    [
        ("ASPNETCORE_URLS", "http://localhost:18888"),
        ("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://localhost:18889"),
        ("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", "http://localhost:18890"),
        ("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true"),
    ];

    /// <summary>Before the builder exists, since Aspire reads some of these as it is made; only when the dashboard runs.</summary>
    public static void ApplyDashboardDefaults()
    {
        foreach (var (name, value) in Defaults)
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
                Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>
    /// Development unless DOTNET_ENVIRONMENT says otherwise: the AppHost hands its environment to every service, and
    /// outside Development a service insists on its production settings (keys, certificates).
    /// </summary>
    public static void ApplyEnvironmentDefault()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")))
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", "Development");
    }

    /// <summary>
    /// Stopping (Ctrl+C) waits until DCP has ended every process it started, rather than leaving it to clean up after
    /// the AppHost has gone; Aspire's test host does the same.
    /// </summary>
    public static void ApplyTo(IConfiguration configuration) =>
        configuration["DcpPublisher:WaitForResourceCleanup"] ??= "true";
}
