namespace Samverkan.Webhooks.Model;

/// <summary>
/// When a failed delivery is tried again: the delays after the 1st, 2nd … failure (the last one repeats), each spread by
/// ±<see cref="Jitter"/> so that endpoints that failed together do not all come back at the same second, for at most
/// <see cref="Window"/> after the first attempt.
/// </summary>
public sealed record RetrySchedule(IReadOnlyList<TimeSpan> Delays, TimeSpan Window, double Jitter = 0.2)
{
    /// <summary>Standard Webhooks' suggested schedule, bounded by a day: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public TimeSpan DelayAfter(int failures, Random? random = null)
    {
        var baseDelay = Delays[Math.Clamp(failures - 1, 0, Delays.Count - 1)];
        var spread = 1 + Jitter * (2 * (random ?? Random.Shared).NextDouble() - 1);
        return TimeSpan.FromTicks((long)(baseDelay.Ticks * spread));
    }
}
