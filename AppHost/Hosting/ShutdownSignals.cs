using System.Runtime.InteropServices;

namespace Samverkan.AppHost.Hosting;

/// <summary>
/// Turns Ctrl+C (SIGINT), SIGTERM and SIGHUP (the terminal closed) into one orderly stop; a second one while
/// stopping kills at once. When the AppHost exits by any other road, the children are killed on the way out.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly Action _stop;
    private readonly Action _kill;
    private readonly PosixSignalRegistration[] _registrations;
    private int _requests;

    public ShutdownSignals(Action stop, Action kill)
    {
        _stop = stop;
        _kill = kill;
        // SIGINT is Console.CancelKeyPress's (registering it twice would count one Ctrl+C as two).
        Console.CancelKeyPress += OnCancelKeyPress;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal),
        ];
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Request();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Request();
    }

    private void OnProcessExit(object? sender, EventArgs e) => _kill();

    private void Request()
    {
        if (Interlocked.Increment(ref _requests) == 1)
            _stop();
        else
            _kill();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        foreach (var registration in _registrations)
            registration.Dispose();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }
}
