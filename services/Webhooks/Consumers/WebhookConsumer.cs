using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Consumers;

/// <summary>
/// Turns one integration event into a delivery row for each enabled endpoint of each agency allowed to see it that chose
/// its type. First it remembers what the event says about who sees what (<see cref="RememberAsync"/>), then asks who may
/// see this one (<see cref="AudienceAsync"/>). The rows are written in the inbox's transaction, so a taken event is
/// delivered at least once, and the unique (endpoint, event) index makes a second pass a no-op.
/// </summary>
public abstract class WebhookConsumer<TMessage>(WebhooksDbContext db) : IdempotentConsumer<TMessage, WebhooksDbContext>(db)
    where TMessage : class
{
    private static readonly JsonSerializerOptions Json = JsonConventions.Create();
    private static readonly string Type = EventTypes.NameOf<TMessage>();

    /// <summary>Records what the event tells about participants' owners, members or employer links.</summary>
    protected virtual Task RememberAsync(TMessage message, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The agencies allowed to see the event.</summary>
    protected abstract Task<IReadOnlyCollection<Guid>> AudienceAsync(TMessage message, CancellationToken ct);

    protected override async Task HandleAsync(TMessage message, ConsumeContext<TMessage> context)
    {
        var ct = context.CancellationToken;
        await RememberAsync(message, ct);
        await Db.SaveChangesAsync(ct); // the audience query below must see what was just remembered
        var audience = (await AudienceAsync(message, ct)).ToArray();
        if (audience.Length == 0)
            return;

        var endpoints = await Db.Endpoints
            .Where(e => audience.Contains(e.AgencyId) && e.Enabled && e.EventTypes.Contains(Type))
            .ToListAsync(ct);
        if (endpoints.Count == 0)
            return;
        var eventId = context.MessageId!.Value;
        var now = DateTimeOffset.UtcNow;
        var payload = JsonSerializer.Serialize(new WebhookPayload<TMessage>(eventId, Type, context.SentTime is { } sent ? new DateTimeOffset(sent, TimeSpan.Zero) : now, message), Json);
        var already = await Db.Deliveries.Where(d => d.EventId == eventId).Select(d => d.EndpointId).ToListAsync(ct);
        foreach (var endpoint in endpoints.Where(e => !already.Contains(e.Id)))
            Db.Deliveries.Add(WebhookDelivery.For(endpoint, eventId, Type, payload, now));
    }
}

/// <summary>
/// What an endpoint receives, in Standard Webhooks' payload shape: the event's id (the same for every endpoint that gets
/// it), its type, when it happened, and the integration event itself as <c>data</c>.
/// </summary>
public sealed record WebhookPayload<TData>(Guid Id, string Type, DateTimeOffset Timestamp, TData Data);

/// <summary>An event about a participant whose enrolment this service has not seen yet: retried until it has (the two come on different queues).</summary>
public sealed class ParticipantNotYetKnownException(Guid participantId)
    : Exception($"No enrolment of participant {participantId} is known yet; the event is retried until ParticipantEnrolled has been consumed.");
