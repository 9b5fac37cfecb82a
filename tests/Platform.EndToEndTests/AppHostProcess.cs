using System.Collections.Concurrent;
using System.Diagnostics;
using Samverkan.ServiceDefaults;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// The built AppHost run as the README runs it, a real process tree (the AppHost, DCP, every service and the gateway),
/// for what only a process shows: its command line, its exit code and message, and Ctrl+C. The other end-to-end tests
/// use Aspire's test host (<see cref="TestPlatform"/>). Its output is kept so a failing test can say what it printed.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppHostProcess(Process process) => _process = process;
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the platform without its dashboard, every port (the gateway's too) one of Aspire's choosing.</summary>
    public static AppHostProcess Start(IDictionary<string, string> environment, params string[] args) =>
        Launch(environment, [.. args, "--dashboard", "false", "--DcpPublisher:RandomizePorts=true"]);

    private static AppHostProcess Launch(IDictionary<string, string> environment, string[] args)
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
        var host = new AppHostProcess(process);
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
        await using var host = args is ["token", ..] ? Launch(environment, args) : Start(environment, args);
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

    /// <summary>
    /// Every living process the AppHost started, from /proc (Linux): its descendants, DCP (which detaches from the
    /// AppHost and names it with <c>--monitor {pid}</c>) and DCP's descendants, and any process whose environment
    /// carries <paramref name="marker"/> (each service gets this run's connection strings, which name its vhost).
    /// </summary>
    public IReadOnlyList<int> StartedProcesses(string marker)
    {
        var parentOf = new Dictionary<int, int>();
        var roots = new HashSet<int> { _process.Id };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parentOf[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var environment = File.ReadAllText(Path.Combine(dir, "environ"));
                if (commandLine.Contains($"--monitor {_process.Id} ", StringComparison.Ordinal) || environment.Contains(marker, StringComparison.Ordinal))
                    roots.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // exited while we looked
        }
        var result = new HashSet<int>(roots);
        var frontier = new Queue<int>(roots);
        while (frontier.TryDequeue(out var parent))
            foreach (var (child, p) in parentOf)
                if (p == parent && result.Add(child))
                    frontier.Enqueue(child);
        result.Remove(_process.Id);
        return [.. result];
    }

    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }

    /// <summary>True for a service's set-up run (<see cref="ServiceSetup"/>), which exits before the services start.</summary>
    public static bool IsSetUp(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/environ").Split('\0').Contains($"{ServiceSetup.EnvironmentVariable}=true"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
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
}
