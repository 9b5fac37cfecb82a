using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Samverkan.AppHost.Hosting;

/// <summary>
/// One running project: its output is copied to the console line by line under its name, and stopping it asks
/// first (SIGTERM, so that it drains and closes its connections) and then kills the whole process tree.
/// </summary>
internal sealed class ProjectProcess
{
    private readonly Process _process;
    private readonly Task _output;

    private ProjectProcess(string name, Process process, ConsoleOutput console)
    {
        Name = name;
        _process = process;
        _output = Task.WhenAll(CopyLinesAsync(process.StandardOutput), CopyLinesAsync(process.StandardError));
        Exited = WaitForExitAsync();

        async Task CopyLinesAsync(StreamReader reader)
        {
            try
            {
                while (await reader.ReadLineAsync() is { } line)
                    console.Line(name, line);
            }
            catch (IOException)
            {
                // The pipe broke because the process is gone; nothing more to copy.
            }
        }
    }

    public string Name { get; }
    public int Id => _process.Id;

    /// <summary>Completes with the exit code once the process has exited and its output is copied.</summary>
    public Task<int> Exited { get; }

    public static ProjectProcess Start(ProjectLaunch launch, ConsoleOutput console)
    {
        var info = new ProcessStartInfo(launch.FileName)
        {
            WorkingDirectory = launch.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in launch.Arguments)
            info.ArgumentList.Add(argument);

        // Each process sees exactly the wiring the AppHost gives it, not what the AppHost itself inherited.
        foreach (var key in info.Environment.Keys.Where(IsWiring).ToList())
            info.Environment.Remove(key);
        foreach (var (key, value) in launch.Environment)
            info.Environment[key] = value;

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new Win32Exception();
        }
        catch (Win32Exception e)
        {
            throw new StartupException($"Could not start {launch.Name} with {launch.FileName} ({e.Message}); is the .NET SDK on PATH?");
        }
        process.StandardInput.Close(); // Our projects never read the console; the terminal stays the AppHost's.
        return new ProjectProcess(launch.Name, process, console);
    }

    private static bool IsWiring(string key) =>
        key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("services__", StringComparison.OrdinalIgnoreCase)
        || key is "ASPNETCORE_URLS" or "DOTNET_URLS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS"
            or "HTTP_PORTS" or "HTTPS_PORTS" or "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT";

    /// <summary>Asks the process to stop; kills its tree when it has not within <paramref name="grace"/>.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            if (!Terminate(_process.Id))
                Kill();
            try
            {
                await Exited.WaitAsync(grace);
            }
            catch (TimeoutException)
            {
                Kill();
            }
        }
        return await Exited;
    }

    /// <summary>Kills the process and everything it started, at once.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    private async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync();
        try
        {
            // A grandchild could hold the pipes open; the exit is what matters.
            await _output.WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
        }
        return _process.ExitCode;
    }

    /// <summary>SIGTERM: the process stops as on Ctrl+C. False where there is no such signal (Windows).</summary>
    private static bool Terminate(int pid)
    {
        if (OperatingSystem.IsWindows())
            return false;
        try
        {
            return SendSignal(pid, 15 /* SIGTERM */) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
