namespace Samverkan.AppHost.Hosting;

/// <summary>
/// Keeps the started processes. A process that exits while nobody asked it to is reported, so that a crash
/// stops the platform visibly instead of leaving half of it running.
/// </summary>
internal sealed class Supervisor(ConsoleOutput console, Action<ProjectProcess, int> onUnexpectedExit)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<ProjectProcess> _processes = [];
    private bool _stopping;

    public ProjectProcess Start(ProjectLaunch launch)
    {
        ProjectProcess process;
        lock (_gate)
        {
            // Starting and stopping exclude each other, so that nothing starts after everything was stopped.
            if (_stopping)
                throw new OperationCanceledException();
            process = ProjectProcess.Start(launch, console);
            _processes.Add(process);
        }
        _ = WatchAsync(process);
        return process;
    }

    private async Task WatchAsync(ProjectProcess process)
    {
        var exitCode = await process.Exited;
        // Ctrl+C at a terminal reaches the whole process group: a child may exit a moment before the AppHost
        // has begun to stop. Such an exit is not a crash.
        await Task.Delay(SettleTime);
        bool expected;
        lock (_gate)
            expected = _stopping;
        if (!expected)
            onUnexpectedExit(process, exitCode);
    }

    public async Task StopAllAsync()
    {
        List<ProjectProcess> processes;
        lock (_gate)
        {
            _stopping = true;
            processes = [.. _processes];
        }
        if (processes.Count == 0)
            return;

        console.Info($"stopping {string.Join(", ", processes.Select(p => p.Name))}…");
        var exitCodes = await Task.WhenAll(processes.Select(p => p.StopAsync(Grace)));
        console.Info("stopped: " + string.Join(", ", processes.Zip(exitCodes, (p, code) => $"{p.Name} (exit code {code})")));
    }

    /// <summary>The last resort: a second Ctrl+C, or the AppHost exiting without stopping in order.</summary>
    public void KillAll()
    {
        List<ProjectProcess> processes;
        lock (_gate)
        {
            _stopping = true;
            processes = [.. _processes];
        }
        foreach (var process in processes)
            process.Kill();
    }
}
