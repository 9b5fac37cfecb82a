namespace Samverkan.Reporting.Model;

/// <summary>
/// One consumed event as it arrived: its type and JSON payload, appended in the consumer's transaction.
/// The history every read model can be rebuilt from.
/// </summary>
public sealed class EventRecord
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public string Type { get; init; } = "";
    public string Payload { get; init; } = "";
    public DateTimeOffset RecordedAt { get; init; }
}
