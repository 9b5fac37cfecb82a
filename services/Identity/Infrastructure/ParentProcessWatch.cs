using System.Diagnostics;

namespace Samverkan.Identity.Infrastructure;

/// <summary>
/// Stops the service once the process that started it has ended (<c>Identity:ParentProcessId</c>). Set only by the test
/// harness (tests/Testing/IdentityProcess.cs), which runs the service as a child process: the test host cannot always
/// stop it itself, as <c>dotnet test</c> may kill the host before its exit handlers have run (microsoft/vstest#1900),
/// and a crash or an aborted run never runs them. Not set in any deployment.
/// </summary>
internal sealed class ParentProcessWatch(int parentId, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatch> logger) : BackgroundService
{
    public const string Setting = "Identity:ParentProcessId";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its start time as well as its id: an id can be reused by a later process.
        var started = StartTimeOf(parentId);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (started is not null && StartTimeOf(parentId) == started)
            await timer.WaitForNextTickAsync(stoppingToken);
        logger.LogWarning("The process that started this one ({ParentId}) has ended: stopping.", parentId);
        lifetime.StopApplication();
    }

    /// <summary>When the process started; null when there is none (any more).</summary>
    private static DateTime? StartTimeOf(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
