namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// An integration event stored in the same transaction as the state change that raised it. Its
/// <see cref="Id"/> becomes the MassTransit message id, so the id a consumer's inbox records is the
/// one written here. Rows are kept after dispatch: they are the service's event history.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }
    /// <summary>Insertion order; dispatch goes oldest first.</summary>
    public long Sequence { get; init; }
    /// <summary>"Namespace.Type, Assembly": enough to load the contract type without its version.</summary>
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    /// <summary>W3C traceparent of the request that wrote the event, so the trace continues through the bus.</summary>
    public string? TraceParent { get; init; }
    public string? TraceState { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set only after the broker confirmed the publish.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
}
