using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// The README's platform as a real process tree: the AppHost, which starts every service and the gateway.
/// Its output is kept so a failing test can say what the platform printed.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppHostProcess(Process process, int gatewayPort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        Gateway = new Uri($"http://127.0.0.1:{gatewayPort}");
    }

    public int GatewayPort { get; }
    public Uri Gateway { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the platform, its gateway on a free port.</summary>
    public static AppHostProcess Start(IDictionary<string, string> environment, params string[] args)
    {
        var port = FreePort();
        return Launch(environment, port, ["--gateway-port", port.ToString(), .. args]);
    }

    private static AppHostProcess Launch(IDictionary<string, string> environment, int port, string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [AppHostDll(), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot(),
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new AppHostProcess(process, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) host._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) host._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Runs the AppHost to completion: a subcommand such as <c>token</c>, or a start-up that should fail.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        await using var host = args is ["token", ..] ? Launch(environment, 0, args) : Start(environment, args);
        using var cts = new CancellationTokenSource(timeout);
        await host._process.WaitForExitAsync(cts.Token);
        host._process.WaitForExit(); // flushes the redirected output
        return (host.ExitCode, host.Output);
    }

    /// <summary>Ctrl+C, as a person at the terminal would press it.</summary>
    public async Task<bool> InterruptAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return true;
        using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString()]))
            await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return false; }
        return true;
    }

    /// <summary>Every living process below this one, from /proc (Linux).</summary>
    public IReadOnlyList<int> Descendants()
    {
        var parentOf = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parentOf[pid] = int.Parse(fields[1]);
            }
            catch (IOException) { } // exited while we looked
        }
        var result = new List<int>();
        var frontier = new Queue<int>([_process.Id]);
        while (frontier.TryDequeue(out var parent))
            foreach (var (child, p) in parentOf)
                if (p == parent) { result.Add(child); frontier.Enqueue(child); }
        return result;
    }

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        try { return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal); }
        catch (IOException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!await InterruptAsync(TimeSpan.FromSeconds(20)) && !_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static string AppHostDll()
    {
        // The tests run from tests/Platform.EndToEndTests/bin/<Configuration>/net10.0: use the AppHost of the same build.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepositoryRoot(), "AppHost", "bin", configuration, "net10.0", "Samverkan.AppHost.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Samverkan.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Samverkan.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
