using System.Net.Sockets;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Samverkan.AppHost;

/// <summary>
/// Whether a server of <see cref="Servers"/> answers and accepts our user. Used before start-up, where a failure is one
/// message saying what to start or set, and as the health check the services wait for.
/// </summary>
internal static class ServerProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task RabbitMqAsync(ConfiguredServer rabbit, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(rabbit.Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new StartupException($"{rabbit.SettingName} must be an amqp:// URI, for example {Servers.DefaultRabbitMq}.");

        var factory = new ConnectionFactory
        {
            Uri = uri,
            RequestedConnectionTimeout = Timeout,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "samverkan-apphost",
        };
        var address = $"{uri.Host}:{(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port)}";
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken).WaitAsync(Timeout * 2, cancellationToken);
            await connection.CloseAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (Flatten(e).Any(x => x is AuthenticationFailureException or PossibleAuthenticationFailureException))
                throw new StartupException(rabbit.IsConfigured
                    ? $"RabbitMQ at {address} refused user '{factory.UserName}'. Check the user and password in {rabbit.SettingName}."
                    : $"RabbitMQ at {address} refused user '{factory.UserName}'. Run `bash scripts/infra.sh`, which creates the platform's users, or set {rabbit.SettingName}.");
            throw new StartupException(NotReachable("RabbitMQ", "rabbitmq-server", address, uri.Host, Reason(e), rabbit));
        }
    }

    /// <summary>Connects to the server's maintenance database: the services' own are created by their migrations.</summary>
    public static async Task PostgresAsync(ConfiguredServer postgres, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(postgres.Value);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{postgres.SettingName} is not a valid PostgreSQL connection string ({e.Message}).");
        }
        var address = $"{target.Host ?? "localhost"}:{target.Port}";
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString)
        {
            Database = "postgres",
            Pooling = false, // the AppHost should hold no connection afterwards
            Timeout = (int)Timeout.TotalSeconds,
        };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("28", StringComparison.Ordinal))
        {
            throw new StartupException(postgres.IsConfigured
                ? $"PostgreSQL at {address} refused user '{target.Username}' ({e.MessageText}). Check the user and password in {postgres.SettingName}."
                : $"PostgreSQL at {address} refused user '{target.Username}' ({e.MessageText}). Run `bash scripts/infra.sh` to create the role, or set {postgres.SettingName}.");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StartupException(NotReachable("PostgreSQL", "postgresql", address, target.Host, Reason(e), postgres));
        }
    }

    /// <summary>What to start, or which setting to correct: the local servers are scripts/infra.sh's.</summary>
    private static string NotReachable(string server, string package, string address, string? host, string reason, ConfiguredServer setting)
    {
        var source = setting.IsConfigured ? $", as {setting.SettingName} says" : "";
        var isLocal = !setting.IsConfigured || host is null or "localhost" or "127.0.0.1" or "::1" or "[::1]";
        var fix = !isLocal
            ? $"Start that server or correct {setting.SettingName}."
            : $"Start it with `bash scripts/infra.sh` (installs {package} from Debian's packages) or {(setting.IsConfigured ? "correct" : "set")} {setting.SettingName}.";
        return $"{server} is not reachable at {address} ({reason}){source}. {fix}";
    }

    /// <summary>The most telling part of an exception chain: "Connection refused", "timed out", …</summary>
    private static string Reason(Exception e)
    {
        var all = Flatten(e).ToList();
        if (all.OfType<SocketException>().FirstOrDefault() is { } socket)
            return socket.Message;
        if (all.Any(x => x is TimeoutException))
            return $"no answer within {Timeout.TotalSeconds:0} s";
        return all[^1].Message;
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        yield return e;
        IEnumerable<Exception> inner = e is AggregateException aggregate ? aggregate.InnerExceptions : e.InnerException is { } one ? [one] : [];
        foreach (var x in inner.SelectMany(Flatten))
            yield return x;
    }
}
