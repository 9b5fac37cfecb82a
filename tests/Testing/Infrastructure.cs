using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Samverkan.Testing;

/// <summary>
/// The one place that decides where the tests' RabbitMQ and PostgreSQL come from:
/// 1. connection strings from <c>SAMVERKAN_TEST_RABBITMQ</c> / <c>SAMVERKAN_TEST_POSTGRES</c> when set;
/// 2. otherwise Testcontainers, when a Docker engine is reachable;
/// 3. otherwise the local servers that <c>scripts/infra.sh</c> (run by the README's test command) starts.
/// Never a mock broker or an in-memory database. One instance per test process.
/// </summary>
public sealed class Infrastructure : IAsyncDisposable
{
    public const string RabbitMqVariable = "SAMVERKAN_TEST_RABBITMQ";
    public const string PostgresVariable = "SAMVERKAN_TEST_POSTGRES";
    private const string LocalRabbitMq = "amqp://guest:guest@localhost:5672";
    private const string LocalPostgres = "Host=localhost;Port=5432;Username=samverkan;Password=samverkan";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Infrastructure? _shared;

    private readonly RabbitMqContainer? _rabbitContainer;
    private readonly PostgreSqlContainer? _postgresContainer;

    public string RabbitMqConnectionString { get; }
    /// <summary>A server-level connection string (no database): add <c>;Database=…</c> or use <see cref="CreateDatabaseAsync"/>.</summary>
    public string PostgresConnectionString { get; }
    public string Source { get; }
    public BrokerControl Broker { get; }

    private Infrastructure(string rabbit, string postgres, string source, BrokerControl broker,
        RabbitMqContainer? rabbitContainer = null, PostgreSqlContainer? postgresContainer = null)
    {
        RabbitMqConnectionString = rabbit;
        PostgresConnectionString = postgres;
        Source = source;
        Broker = broker;
        _rabbitContainer = rabbitContainer;
        _postgresContainer = postgresContainer;
    }

    public static async Task<Infrastructure> GetAsync()
    {
        await Gate.WaitAsync();
        try { return _shared ??= await CreateAsync(); }
        finally { Gate.Release(); }
    }

    private static async Task<Infrastructure> CreateAsync()
    {
        var rabbit = Environment.GetEnvironmentVariable(RabbitMqVariable);
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(rabbit) && !string.IsNullOrWhiteSpace(postgres))
            return await Checked(new Infrastructure(rabbit, postgres, "environment", BrokerControl.Local()));

        if (DockerIsReachable())
        {
            var rabbitContainer = new RabbitMqBuilder("rabbitmq:3.13-alpine").Build();
            var postgresContainer = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await Task.WhenAll(rabbitContainer.StartAsync(), postgresContainer.StartAsync());
            var pg = new NpgsqlConnectionStringBuilder(postgresContainer.GetConnectionString()) { Database = null };
            return await Checked(new Infrastructure(rabbitContainer.GetConnectionString(), pg.ConnectionString, "testcontainers",
                BrokerControl.Container(rabbitContainer), rabbitContainer, postgresContainer));
        }

        return await Checked(new Infrastructure(LocalRabbitMq, LocalPostgres, "local servers", BrokerControl.Local()));
    }

    private static bool DockerIsReachable() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    /// <summary>Fails fast with one clear sentence instead of a timeout deep inside a test.</summary>
    private static async Task<Infrastructure> Checked(Infrastructure infra)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(infra.PostgresConnectionString)
                { Database = "postgres", Timeout = 5 }.ConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"PostgreSQL ({infra.Source}) is not reachable: {ex.Message}. Run `bash scripts/infra.sh` or set {PostgresVariable}.", ex);
        }
        var broker = Samverkan.ServiceDefaults.Messaging.RabbitMqConnection.Parse(infra.RabbitMqConnectionString);
        try
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(broker.Host, broker.Port).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                $"RabbitMQ ({infra.Source}) is not reachable at {broker.Host}:{broker.Port}: {ex.Message}. Run `bash scripts/infra.sh` or set {RabbitMqVariable}.", ex);
        }
        return infra;
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return DatabaseConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what still uses it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools(); // idle pooled connections would otherwise hold the database and the server's slots
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // FORCE may not end an autovacuum worker that happens to be in the database (seen in CI): end our own
            // sessions, and let a plain DROP stop the worker, as PostgreSQL does for autovacuum.
            await using var command = new NpgsqlCommand($"""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = '{name}' AND usename = current_user AND pid <> pg_backend_pid();
                DROP DATABASE IF EXISTS "{name}";
                """, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public string DatabaseConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = database }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (_rabbitContainer is not null) await _rabbitContainer.DisposeAsync();
        if (_postgresContainer is not null) await _postgresContainer.DisposeAsync();
    }
}
