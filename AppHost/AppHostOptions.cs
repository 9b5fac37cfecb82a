using Microsoft.Extensions.Configuration;

namespace Samverkan.AppHost;

/// <summary>The AppHost's own switches. Some are read before Aspire's builder exists, since they choose how it is built.</summary>
internal static class AppHostOptions
{
    /// <summary>Short options; anything else is given as a configuration key: <c>--ConnectionStrings:messaging=amqp://…</c>.</summary>
    public static readonly Dictionary<string, string> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--gateway-port"] = "Gateway:Port",
        ["--dashboard"] = "AppHost:Dashboard",
        ["--servers"] = "AppHost:Servers",
        ["--instances"] = "AppHost:Instances",
    };

    /// <summary>The arguments with each short option written as its configuration key, which is how Aspire's builder reads them.</summary>
    public static string[] AsConfigurationKeys(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, (string?)v) : (args[i], null);
            if (Switches.TryGetValue(name, out var key))
                result.Add($"--{key}={value ?? (i + 1 < args.Length ? args[++i] : "")}");
            else
                result.Add(args[i]);
        }
        return [.. result];
    }

    /// <summary><c>--dashboard false</c> (or <c>AppHost__Dashboard=false</c>) turns the dashboard off, as CI does.</summary>
    public static bool DashboardEnabled(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(AsConfigurationKeys(args)).Build();
        return configuration["AppHost:Dashboard"] is not { Length: > 0 } value
               || (bool.TryParse(value, out var enabled)
                   ? enabled
                   : throw new StartupException($"--dashboard takes true or false, not '{value}'."));
    }
}
