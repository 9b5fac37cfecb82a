using Microsoft.Extensions.Configuration;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.AppHost;

/// <summary>
/// <c>token --role caseworker --agency {guid}</c>: prints a development token, signed with the key the AppHost
/// hands the services (<c>Auth__SigningKey</c> when set, else the local development key). Only the token goes
/// to standard output, so that <c>TOKEN=$(…)</c> works.
/// </summary>
internal static class TokenCommand
{
    private const string Usage = "Usage: token --role <role> --agency <guid>   (roles: {0})";

    public static int Run(string[] args)
    {
        string? role = null, agency = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], i + 1 < args.Length ? args[++i] : null);
            switch (name)
            {
                case "--role": role = value; break;
                case "--agency": agency = value; break;
                case "-h" or "--help":
                    Console.Out.WriteLine(string.Format(Usage, string.Join(", ", Roles.All)));
                    return 0;
                default:
                    return UsageError($"Unknown option {name}.");
            }
        }

        if (string.IsNullOrWhiteSpace(role) || !Roles.All.Contains(role))
            return UsageError(role is null ? "--role is missing." : $"'{role}' is not a role.");
        if (!Guid.TryParse(agency, out var agencyId))
            return UsageError(agency is null ? "--agency is missing." : $"'{agency}' is not a GUID (the actor id of the caller's agency).");

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .Build();
        var settings = ReadAuth(configuration);
        if (settings.SigningKey is not { Length: >= 32 })
            return UsageError("Auth__SigningKey must have at least 32 characters.");

        Console.Out.WriteLine(DevTokens.Create(settings, role, agencyId.ToString()));
        return 0;
    }

    /// <summary>The <c>Auth</c> section, as the services bind it; the local development key when none is configured.</summary>
    private static JwtSettings ReadAuth(IConfiguration configuration)
    {
        var settings = new JwtSettings();
        configuration.GetSection(JwtSettings.Section).Bind(settings);
        if (string.IsNullOrWhiteSpace(settings.SigningKey))
            settings.SigningKey = JwtSettings.DevelopmentSigningKey;
        return settings;
    }

    private static int UsageError(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine(string.Format(Usage, string.Join(", ", Roles.All)));
        return 2;
    }
}
