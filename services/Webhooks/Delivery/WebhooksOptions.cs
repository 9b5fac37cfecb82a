using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Delivery;

/// <summary>Settings of the <c>Webhooks</c> configuration section.</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Lets an endpoint be <c>http://</c> on the loopback interface (<c>localhost</c>, 127.0.0.1, ::1), for a developer's
    /// receiver and the tests. Off by default: otherwise only https to a public address is accepted.
    /// </summary>
    public bool AllowLoopbackHttp { get; set; }

    /// <summary>Delays after the 1st, 2nd … failed attempt; the last repeats (<see cref="RetrySchedule.DefaultDelays"/>).</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>How long a delivery is retried before it fails and its endpoint is disabled.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Spread of each delay, ± this share of it.</summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>How long an endpoint has to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the worker looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Where the Data Protection keys that encrypt endpoint secrets live (<see cref="Infrastructure.SecretProtector"/>):
    /// persistent, backed up, shared by every instance, never in the database. Required outside Development.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary>Deliveries claimed and sent at once by one instance.</summary>
    public int BatchSize { get; set; } = 20;

    public RetrySchedule Schedule => new(RetryDelays.Count > 0 ? RetryDelays : RetrySchedule.DefaultDelays, RetryWindow, RetryJitter);
}
