namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// A message a consumer has applied. Written in the consumer's own transaction; its primary key
/// (message id, consumer) is what makes a redelivery a no-op.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
