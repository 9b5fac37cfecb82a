namespace Samverkan.AppHost;

/// <summary>The AppHost's command line: <c>--help</c>, and a check that the options are known.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Samverkan AppHost (.NET Aspire): the four services, the identity service and the gateway on
        RabbitMQ and PostgreSQL, with the Aspire dashboard.

        Usage:
          bash scripts/run.sh [options]                          install/start the servers, build, run
          dotnet AppHost/bin/Release/net10.0/Samverkan.AppHost.dll [options]
                                                                 run (servers running, solution built)

        Options:
          --gateway-port <port>      the gateway's port (default 8080; 0 for any free one; or Gateway__Port)
          --dashboard <true|false>   the Aspire dashboard (default true; or AppHost__Dashboard)
          --servers <mode>           where RabbitMQ and PostgreSQL come from (or AppHost__Servers):
                                       detect      containers when a Docker engine answers and no
                                                   connection strings are given, else local (default)
                                       containers  Aspire starts them as containers with data volumes
                                       local       the servers of the connection strings below
          --instances <n>            processes per service (default 1; or AppHost__Instances): every
                                     service but identity runs n times, the gateway as n replicas
          --<Key>=<value>            any configuration key, e.g. --ConnectionStrings:messaging=amqp://…
          -h, --help                 this text

        Configuration (command line or environment):
          ConnectionStrings__messaging  RabbitMQ (default amqp://guest:guest@localhost:5672)
          ConnectionStrings__postgres   PostgreSQL server (default Host=localhost;Port=5432;
                                        Username=samverkan;Password=samverkan); each service gets
                                        its own database on it (actorsdb, participantsdb, …)
          ConnectionStrings__<db>       one database's own connection string, used as it is
          Auth__*, Messaging__*, Logging__*, Telemetry__*
                                        handed on to every service and the gateway
          Identity__Operator__ClientSecret
                                        the platform operator's client secret (client id
                                        platform-operator); Identity__* goes to the identity service
        In Development the run makes demo accounts and prints their password (see README).
          ASPNETCORE_URLS, ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL, ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL,
          ASPIRE_ALLOW_UNSECURED_TRANSPORT
                                        the dashboard's addresses (scripts/run.sh sets them, on http)

        Without connection strings or a Docker engine the AppHost uses the local servers that
        scripts/infra.sh installs and starts. Ctrl+C stops every process it started.
        """;

    /// <returns>An exit code when the command line is answered here; null to start the platform.</returns>
    public static int? Handle(string[] args)
    {
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
            var isSwitch = AppHostOptions.Switches.ContainsKey(key);
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
