using Microsoft.Extensions.Configuration;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.AppHost.Hosting;

/// <summary>The AppHost's own settings, read once from configuration.</summary>
internal sealed record AppHostSettings(
    string Environment,
    IReadOnlySet<string>? Only,
    TimeSpan StartupTimeout,
    JwtSettings Auth,
    IReadOnlyDictionary<string, string> Forwarded)
{
    private const string Development = "Development";

    public static AppHostSettings From(IConfiguration configuration)
    {
        var environment = configuration["AppHost:Environment"] is { Length: > 0 } configured
            ? configured
            : configuration["ASPNETCORE_ENVIRONMENT"] ?? configuration["DOTNET_ENVIRONMENT"] ?? Development;

        var only = configuration["AppHost:Only"] is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;

        var timeout = configuration["AppHost:StartupTimeout"] is { Length: > 0 } seconds
            ? int.TryParse(seconds, out var s) && s > 0
                ? TimeSpan.FromSeconds(s)
                : throw new StartupException($"--startup-timeout must be a number of seconds, not '{seconds}'.")
            : TimeSpan.FromSeconds(120);

        var isDevelopment = string.Equals(environment, Development, StringComparison.OrdinalIgnoreCase);
        var auth = ReadAuth(configuration, useDevelopmentKey: isDevelopment);
        if (string.IsNullOrWhiteSpace(auth.SigningKey) || auth.SigningKey.Length < 32)
            throw new StartupException(
                $"Outside Development (here: {environment}) the token signing key must be configured: set Auth__SigningKey (at least 32 characters).");

        return new AppHostSettings(environment, only, timeout, auth, Forward(configuration));
    }

    /// <summary>The <c>Auth</c> section; the local development key when none is configured and that is allowed.</summary>
    public static JwtSettings ReadAuth(IConfiguration configuration, bool useDevelopmentKey)
    {
        var settings = new JwtSettings();
        var section = configuration.GetSection(JwtSettings.Section);
        settings.Issuer = section[nameof(JwtSettings.Issuer)] is { Length: > 0 } issuer ? issuer : settings.Issuer;
        settings.Audience = section[nameof(JwtSettings.Audience)] is { Length: > 0 } audience ? audience : settings.Audience;
        settings.SigningKey = section[nameof(JwtSettings.SigningKey)] is { Length: > 0 } key ? key
            : useDevelopmentKey ? JwtSettings.DevelopmentSigningKey : null;
        return settings;
    }

    /// <summary>
    /// Settings every process gets from the AppHost's own configuration: the messaging building block's
    /// (<c>Messaging__*</c>) and the OpenTelemetry exporter's, so that one place tunes them all.
    /// </summary>
    private static Dictionary<string, string> Forward(IConfiguration configuration)
    {
        var forwarded = new Dictionary<string, string>();
        foreach (var (key, value) in configuration.GetSection("Messaging").AsEnumerable())
            if (value is not null)
                forwarded[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var key in (string[])["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS"])
            if (configuration[key] is { Length: > 0 } value)
                forwarded[key] = value;
        return forwarded;
    }
}

/// <summary>A failure the user can fix; its message says how, and is shown without a stack trace.</summary>
internal sealed class StartupException(string message) : Exception(message);
