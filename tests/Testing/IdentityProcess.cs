using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Samverkan.ServiceDefaults;

namespace Samverkan.Testing;

/// <summary>
/// The real identity service, for a test process's in-process services to validate tokens against: the built
/// Samverkan.Identity.dll run as a process of its own on a free port, on a fresh database, with keys in a temporary
/// directory and an operator client whose secret exists only in this test run. One per test process.
/// </summary>
public sealed class IdentityProcess : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IdentityProcess? _shared;

    private readonly Process _process;
    private readonly string _keyDirectory;
    private string _database;
    private readonly Infrastructure _infra;

    public Uri Authority { get; }
    public HttpClient Http { get; }
    public PlatformTokens Tokens { get; }

    private IdentityProcess(Process process, Uri authority, string keyDirectory, string database, Infrastructure infra, string operatorSecret)
    {
        _process = process;
        Authority = authority;
        _keyDirectory = keyDirectory;
        _database = database;
        _infra = infra;
        Http = new HttpClient { BaseAddress = authority, Timeout = TimeSpan.FromSeconds(30) };
        Tokens = new PlatformTokens(Http, OperatorClientId, operatorSecret);
    }

    public const string OperatorClientId = "test-operator";

    /// <summary>The test process's id is in its databases' names, so a later run can tell which ones nobody uses any more.</summary>
    private const string DatabasePrefix = "identity_pid";

    /// <summary>
    /// Drops the identity databases of test processes that have ended (a crash, or an end too abrupt for the process
    /// exit handler), so that runs do not pile them up on a developer's server.
    /// </summary>
    private static async Task DropOrphansAsync(Infrastructure infra)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(infra.PostgresConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var command = new Npgsql.NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{DatabasePrefix}%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        foreach (var name in names)
        {
            var pid = name[DatabasePrefix.Length..].Split('_')[0];
            if (int.TryParse(pid, out var id) && !IsRunning(id))
                await infra.DropDatabaseAsync(infra.DatabaseConnectionString(name));
        }
    }

    private static bool IsRunning(int processId)
    {
        try { return !Process.GetProcessById(processId).HasExited; }
        catch (ArgumentException) { return false; }
    }

    public static async Task<IdentityProcess> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                await DropOrphansAsync(await Infrastructure.GetAsync());
                _shared = await StartNewAsync();
            }
            return _shared;
        }
        finally { Gate.Release(); }
    }

    /// <summary>
    /// Another identity service of its own (the caller disposes it), with extra environment settings: a test of key
    /// rollover or of an upstream provider runs one beside the shared one.
    /// </summary>
    public static async Task<IdentityProcess> StartNewAsync(IDictionary<string, string>? settings = null, string? keyDirectory = null,
        Uri? authority = null)
    {
        var infra = await Infrastructure.GetAsync();
        // A database given in the settings is the caller's: used as it is, and left in place.
        var ownDatabase = settings?.ContainsKey($"ConnectionStrings__{ResourceNames.IdentityDb}") != true;
        var database = ownDatabase ? await infra.CreateDatabaseAsync($"{DatabasePrefix}{Environment.ProcessId}") : "";
        authority ??= new Uri($"http://127.0.0.1:{FreePort()}/");
        var keys = keyDirectory ?? Path.Combine(Path.GetTempPath(), $"samverkan-identity-keys-{Guid.NewGuid():N}");
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo("dotnet", [Dll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ASPNETCORE_URLS"] = authority.ToString(),
                [$"ConnectionStrings__{ResourceNames.IdentityDb}"] = database,
                ["Identity__Issuer"] = authority.ToString(),
                ["Identity__Keys__Directory"] = keys,
                ["Identity__Operator__ClientId"] = OperatorClientId,
                ["Identity__Operator__ClientSecret"] = secret,
                ["Logging__LogLevel__Default"] = "Warning",
                // The service stops itself once this process has ended, whether or not the exit handler below ran.
                ["Identity__ParentProcessId"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the identity service.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var identity = new IdentityProcess(process, authority, keys, database, infra, secret) { OperatorSecret = secret };
        if (!ownDatabase)
            identity._database = "";
        // The shared instance is never disposed by a test: the end of the test process stops it and drops what it made.
        // Not always: dotnet test may kill the test host before its exit handlers have run (microsoft/vstest#1900),
        // and a crash runs none. So the service also watches this process (Identity__ParentProcessId above) and stops
        // itself; a database left behind is dropped by the next run (DropOrphansAsync).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => identity.StopAndDropAsync().Wait(TimeSpan.FromSeconds(10));
        try
        {
            await WaitUntilAnsweringAsync(identity, process, output);
            return identity;
        }
        catch
        {
            // Not returned, so no caller will dispose it: stopped and dropped here, not left running till the end.
            await identity.StopAndDropAsync();
            throw;
        }
    }

    private static async Task WaitUntilAnsweringAsync(IdentityProcess identity, Process process, IEnumerable<string> output)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
            {
                // HasExited turns true before the output readers reach the end of the streams: without this wait the
                // message can come out empty (seen in CI: "exited (134):" and no reason). WaitForExitAsync waits for both.
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The identity service exited ({process.ExitCode}):\n{string.Join('\n', output)}");
            }
            try
            {
                using var response = await identity.Http.GetAsync(".well-known/openid-configuration", deadline.Token);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The identity service did not answer within a minute:\n{string.Join('\n', output)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The identity service built beside the tests (same configuration): Testing.csproj builds it first.</summary>
    private static string Dll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Samverkan.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException("Samverkan.sln not found above " + AppContext.BaseDirectory);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(directory.FullName, "services", "Identity", "bin", configuration, "net10.0", "Samverkan.Identity.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the identity service is not built.", dll);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the process and waits for it (a test of what a restart keeps starts another on the same keys).</summary>
    public async Task StopAsync()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
    }

    public string KeyDirectory => _keyDirectory;
    public string OperatorSecret { get; private init; } = "";

    public async ValueTask DisposeAsync()
    {
        await StopAndDropAsync();
        Http.Dispose();
    }

    private int _stopped;

    /// <summary>Stops the process, drops its database and deletes its keys; once, whoever asks first.</summary>
    private async Task StopAndDropAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        await StopAsync();
        if (_database.Length > 0)
            await _infra.DropDatabaseAsync(_database);
        try { Directory.Delete(_keyDirectory, recursive: true); } catch (IOException) { }
    }
}
