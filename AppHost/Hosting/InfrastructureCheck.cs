using System.Net.Sockets;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Samverkan.AppHost.Hosting;

/// <summary>
/// Before any project starts: RabbitMQ answers and accepts our user, and each PostgreSQL database exists
/// (created when missing, as Aspire's AddDatabase does; the services then migrate their own). A failure
/// becomes one message saying what to start or set.
/// </summary>
internal static class InfrastructureCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task EnsureReadyAsync(IEnumerable<IResourceWithConnectionString> resources, ConsoleOutput console, CancellationToken cancellationToken)
    {
        foreach (var resource in resources.OrderBy(r => r is RabbitMqResource ? 0 : 1))
        {
            switch (resource)
            {
                case RabbitMqResource rabbit:
                    await CheckRabbitMqAsync(rabbit, cancellationToken);
                    console.Info($"{rabbit.Name}: RabbitMQ at {RabbitMqAddress(rabbit)} is ready");
                    break;
                case PostgresDatabaseResource database:
                    var created = await EnsureDatabaseAsync(database, cancellationToken);
                    console.Info($"{database.Name}: PostgreSQL database {(created ? "created" : "ready")} at {PostgresAddress(database)}");
                    break;
            }
        }
    }

    private static async Task CheckRabbitMqAsync(RabbitMqResource rabbit, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(rabbit.ConnectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            throw new StartupException($"{rabbit.SettingName} must be an amqp:// URI, for example {DistributedApplicationBuilder.DefaultRabbitMq}.");

        var factory = new ConnectionFactory
        {
            Uri = uri,
            RequestedConnectionTimeout = Timeout,
            AutomaticRecoveryEnabled = false,
            ClientProvidedName = "samverkan-apphost",
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken).WaitAsync(Timeout * 2, cancellationToken);
            await connection.CloseAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var address = RabbitMqAddress(rabbit);
            if (Flatten(e).Any(x => x is AuthenticationFailureException or PossibleAuthenticationFailureException))
                throw new StartupException(
                    $"RabbitMQ at {address} refused user '{factory.UserName}'. Check the user and password in {rabbit.SettingName}.");
            throw new StartupException(NotReachable("RabbitMQ", "rabbitmq-server", "localhost:5672", address, uri.Host, Reason(e), rabbit.IsConfigured, rabbit.SettingName));
        }
    }

    /// <returns>True when the database was created.</returns>
    private static async Task<bool> EnsureDatabaseAsync(PostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"{database.SettingName} is not a valid PostgreSQL connection string ({e.Message}).");
        }
        var name = string.IsNullOrEmpty(target.Database) ? database.Name : target.Database;
        var address = PostgresAddress(database);

        // The maintenance database, without pooling: the AppHost should hold no connection afterwards.
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString)
        {
            Database = "postgres",
            Pooling = false,
            Timeout = (int)Timeout.TotalSeconds,
            CommandTimeout = 30,
        };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("28", StringComparison.Ordinal))
        {
            throw new StartupException(database.IsConfigured || database.Server.IsConfigured
                ? $"PostgreSQL at {address} refused user '{target.Username}' ({e.MessageText}). Check the user and password in {database.SettingName}."
                : $"PostgreSQL at {address} refused user '{target.Username}' ({e.MessageText}). Run `bash scripts/infra.sh` to create the role, or set {database.SettingName}.");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StartupException(NotReachable("PostgreSQL", "postgresql", "localhost:5432", address, target.Host, Reason(e),
                database.IsConfigured || database.Server.IsConfigured, database.SettingName));
        }

        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return false;

        try
        {
            await using var create = new NpgsqlCommand($"create database \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            return false; // Created meanwhile by someone else: fine.
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new StartupException(
                $"User '{target.Username}' may not create database '{name}' at {address}. Create it, or give the user CREATEDB (`bash scripts/infra.sh` does for its role).");
        }
    }

    /// <summary>What to start, or which setting to correct: the local servers are scripts/infra.sh's.</summary>
    private static string NotReachable(string server, string package, string localAddress, string address, string? host, string reason, bool isConfigured, string setting)
    {
        var source = isConfigured ? $", as {setting} says" : "";
        var isLocal = !isConfigured || host is null or "localhost" or "127.0.0.1" or "::1" or "[::1]";
        var fix = !isLocal
            ? $"Start that server or correct {setting}."
            : isConfigured
                ? $"Start it with `bash scripts/infra.sh` (installs {package} from Debian's packages; it listens on {localAddress}) or correct {setting}."
                : $"Start it with `bash scripts/infra.sh` (installs {package} from Debian's packages) or set {setting}.";
        return $"{server} is not reachable at {address} ({reason}){source}. {fix}";
    }

    private static string RabbitMqAddress(RabbitMqResource rabbit) =>
        Uri.TryCreate(rabbit.ConnectionString, UriKind.Absolute, out var uri)
            ? $"{uri.Host}:{(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port)}"
            : rabbit.ConnectionString;

    private static string PostgresAddress(PostgresDatabaseResource database)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            return $"{builder.Host ?? "localhost"}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return database.SettingName;
        }
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
