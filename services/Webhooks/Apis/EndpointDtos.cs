using System.ComponentModel.DataAnnotations;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Apis;

/// <summary>Registers an endpoint for the caller's agency.</summary>
public sealed record RegisterEndpointRequest
{
    /// <summary>Where to POST: https:// on a public address (http:// only to loopback in development).</summary>
    [Required, StringLength(2000, MinimumLength = 1)]
    public string? Url { get; init; }

    [StringLength(500)]
    public string? Description { get; init; }

    /// <summary>The event types wanted, from <c>GET /api/webhooks/event-types</c>.</summary>
    [Required, MinLength(1)]
    public IReadOnlyList<string>? EventTypes { get; init; }
}

/// <summary>Changes an endpoint. <c>enabled: true</c> turns a disabled endpoint on again; its pending deliveries then go out.</summary>
public sealed record UpdateEndpointRequest
{
    [Required, StringLength(2000, MinimumLength = 1)]
    public string? Url { get; init; }

    [StringLength(500)]
    public string? Description { get; init; }

    [Required, MinLength(1)]
    public IReadOnlyList<string>? EventTypes { get; init; }

    [Required]
    public bool? Enabled { get; init; }
}

/// <summary>Rotates the secret; the old one keeps signing, beside the new, for <see cref="OverlapHours"/>.</summary>
public sealed record RotateSecretRequest
{
    [Range(0, 168)]
    public int OverlapHours { get; init; } = 24;
}

public sealed record EndpointResponse(
    Guid Id, string Url, string? Description, IReadOnlyList<string> EventTypes, bool Enabled, string? DisabledReason,
    DateTimeOffset? DisabledAt, DateTimeOffset? PreviousSecretExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static EndpointResponse From(WebhookEndpoint e) => new(
        e.Id, e.Url, e.Description, e.EventTypes, e.Enabled, e.DisabledReason, e.DisabledAt,
        e.PreviousSecretExpiresAt > DateTimeOffset.UtcNow ? e.PreviousSecretExpiresAt : null, e.CreatedAt, e.UpdatedAt);
}

/// <summary>The endpoint as registered, with its secret: shown this once, never again.</summary>
public sealed record RegisteredEndpointResponse(EndpointResponse Endpoint, string Secret);

/// <summary>The new secret, shown this once; the previous one still signs until <see cref="PreviousSecretExpiresAt"/>.</summary>
public sealed record RotatedSecretResponse(string Secret, DateTimeOffset? PreviousSecretExpiresAt);

public sealed record EventTypeResponse(string Name, string Audience);

public sealed record DeliveryResponse(
    Guid Id, string WebhookId, Guid EventId, string EventType, DeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static DeliveryResponse From(WebhookDelivery d) => new(
        d.Id, d.MessageId, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt, d.LastStatusCode, d.LastError,
        d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt);
}
