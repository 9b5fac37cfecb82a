using Samverkan.AppHost.Hosting;

namespace Samverkan.AppHost;

/// <summary>The AppHost's command line: <c>token</c>, <c>--help</c>, and a check that the options are known.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Samverkan AppHost: starts the four services and the gateway on RabbitMQ and PostgreSQL, as Aspire would.

        Usage:
          bash scripts/run.sh [options]                          install/start the servers, build, run
          dotnet run --project AppHost [-- options]              run (servers running, projects built)
          dotnet run --project AppHost -- token --role <role> --agency <guid>
                                                                 print a development token (JWT)

        Options:
          --gateway-port <port>      the gateway's port (default 8080; or Gateway__Port)
          --only <names>             start only these projects, comma-separated:
                                     actors, participants, employers, reporting, gateway
          --environment <name>       ASPNETCORE_ENVIRONMENT of every process (default Development)
          --startup-timeout <s>      how long a project may take to become healthy (default 120)
          --<Key>=<value>            any configuration key, e.g. --ConnectionStrings:messaging=amqp://…
          -h, --help                 this text

        Configuration (command line, environment, or appsettings.json next to the AppHost):
          ConnectionStrings__messaging  RabbitMQ (default amqp://guest:guest@localhost:5672)
          ConnectionStrings__postgres   PostgreSQL server (default Host=localhost;Port=5432;
                                        Username=samverkan;Password=samverkan); each service gets
                                        its own database on it (actorsdb, participantsdb, …)
          ConnectionStrings__<db>       one database's own connection string, used as it is
          <project>__Port               a fixed port for a project (default: a free one)
          Auth__Issuer, Auth__Audience, Auth__SigningKey
                                        token settings handed to every process (the signing key
                                        defaults to the local development key in Development)
          Messaging__*, OTEL_EXPORTER_OTLP_ENDPOINT
                                        handed on to every process

        Without connection strings the AppHost uses the local servers that scripts/infra.sh
        installs and starts. Ctrl+C stops every process it started.
        """;

    /// <returns>An exit code when the command line is answered here; null to start the platform.</returns>
    public static int? Handle(string[] args)
    {
        if (args is ["token", .. var tokenArgs])
            return TokenCommand.Run(tokenArgs);
        if (args.Any(a => a is "-h" or "--help" or "-?" or "help"))
        {
            Console.Out.Write(Usage);
            return 0;
        }
        if (FindProblem(args) is { } problem)
        {
            Console.Error.WriteLine($"{problem} Run with --help for the options.");
            return 2;
        }
        return null;
    }

    private static string? FindProblem(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var key = arg.Split('=', 2)[0];
            var isSwitch = AppHostConfiguration.Switches.ContainsKey(key);
            var isConfigurationKey = key.StartsWith("--", StringComparison.Ordinal) && key.Length > 2 && !isSwitch
                                     && (key.Contains(':', StringComparison.Ordinal) || key.Contains("__", StringComparison.Ordinal));
            if (!isSwitch && !isConfigurationKey)
                return arg.StartsWith('-') ? $"Unknown option {key}." : $"Unexpected argument '{arg}'.";
            if (!arg.Contains('=', StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                    return $"{key} needs a value.";
                i++;
            }
        }
        return null;
    }
}
