namespace Samverkan.Webhooks.Model;

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (the first, or a retry after a failure).</summary>
    Pending = 1,
    /// <summary>The endpoint answered 2xx.</summary>
    Delivered = 2,
    /// <summary>Every attempt within the retry window failed; the endpoint was disabled. Replayable.</summary>
    Failed = 3,
}

/// <summary>
/// One event for one endpoint: the row is the outbox the delivery worker sends from. Written in the same transaction as
/// the consumer's inbox row, so an event the service has taken is delivered at least once, and claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> so two instances never send the same row at once (<see cref="Delivery.DeliveryWorker"/>).
/// The body is fixed when the row is written, so every attempt and a replay send the same bytes under the same
/// <c>webhook-id</c>, which receivers use to drop duplicates.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public Guid EndpointId { get; init; }
    public Guid AgencyId { get; init; }
    /// <summary>The integration event's message id: one delivery per endpoint and event.</summary>
    public Guid EventId { get; init; }
    public required string EventType { get; init; }
    public required string Payload { get; init; }
    public DeliveryStatus Status { get; private set; } = DeliveryStatus.Pending;
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>When the retry window started: creation, or the last replay.</summary>
    public DateTimeOffset WindowStartedAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The <c>webhook-id</c>: stable across attempts and replays.</summary>
    public string MessageId => $"msg_{Id:N}";

    public static WebhookDelivery For(WebhookEndpoint endpoint, Guid eventId, string eventType, string payload, DateTimeOffset now) => new()
    {
        Id = MassTransit.NewId.NextSequentialGuid(),
        EndpointId = endpoint.Id,
        AgencyId = endpoint.AgencyId,
        EventId = eventId,
        EventType = eventType,
        Payload = payload,
        NextAttemptAt = now,
        WindowStartedAt = now,
        CreatedAt = now,
    };

    public void Succeeded(int statusCode, DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = null;
        DeliveredAt = now;
    }

    /// <summary>
    /// Records a failed attempt and schedules the next by <paramref name="schedule"/>. When the next would fall outside
    /// the retry window the delivery has failed for good; the caller disables the endpoint (returns false).
    /// </summary>
    public bool FailedAttempt(int? statusCode, string error, DateTimeOffset now, RetrySchedule schedule)
    {
        Attempts++;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = error.Length > 500 ? error[..500] : error;
        var next = now + schedule.DelayAfter(Attempts);
        if (next > WindowStartedAt + schedule.Window)
        {
            Status = DeliveryStatus.Failed;
            return false;
        }
        NextAttemptAt = next;
        return true;
    }

    /// <summary>Sends again from now with a fresh retry window; the attempts so far stay counted.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now;
        WindowStartedAt = now;
        DeliveredAt = null;
    }
}
