namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>Settings of the messaging building block, bound from the <c>Messaging</c> section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Outbox rows read and published per pass.</summary>
    public int BatchSize { get; set; } = 500;
    /// <summary>Fallback poll: picks up rows committed by another process (or before a crash) without a wake-up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How long a pass waits for the broker's confirms before treating the batch as not sent.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Upper bound of the dispatcher's exponential backoff while the broker is away.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Set false to run a service (or a test) without delivering its outbox.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Redeliveries of a failing message before it moves to the endpoint's <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages a consumer endpoint handles at once (RabbitMQ prefetch follows it).</summary>
    public int ConcurrentMessageLimit { get; set; } = 32;

    /// <summary>Declare every queue as a RabbitMQ quorum queue (durable, replicated): for a production cluster.</summary>
    public bool QuorumQueues { get; set; }
    /// <summary>Nodes each quorum queue is replicated to; null for the broker's default (all cluster nodes, at most 3 … per its policy).</summary>
    public int? QuorumReplicationFactor { get; set; }
}
