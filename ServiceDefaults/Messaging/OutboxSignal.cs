namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the dispatcher when a transaction with outbox rows commits, so steady-state delivery has no
/// polling delay. Signals coalesce: many commits while the dispatcher is busy cause one more pass.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try { _semaphore.Release(); }
        catch (SemaphoreFullException) { /* a pass is already pending */ }
    }

    /// <summary>True when woken, false when the timeout (the fallback poll) elapsed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
