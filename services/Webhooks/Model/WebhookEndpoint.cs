namespace Samverkan.Webhooks.Model;

/// <summary>
/// Where an agency wants its events: a URL, the event types it chose, and the secret that signs what is sent. Owned by
/// one agency (<see cref="AgencyId"/>), which alone sees, changes or replays it. Disabled by the agency, or by the
/// platform when a delivery failed for the whole retry window, with the reason said in <see cref="DisabledReason"/>.
/// </summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; init; }
    public Guid AgencyId { get; init; }
    public required string Url { get; set; }
    public string? Description { get; set; }
    public required string[] EventTypes { get; set; }
    public bool Enabled { get; private set; } = true;
    public string? DisabledReason { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public required string Secret { get; set; }
    /// <summary>The secret before the last rotation, still signing until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The secrets that sign a message sent at <paramref name="now"/>: the current one, and the previous one during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];

    /// <summary>A new secret; the old one keeps signing for <paramref name="overlap"/> so the receiver can switch without losing a message.</summary>
    public string Rotate(TimeSpan overlap, DateTimeOffset now)
    {
        PreviousSecret = overlap > TimeSpan.Zero ? Secret : null;
        PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        Secret = WebhookSecret.New();
        UpdatedAt = now;
        return Secret;
    }

    public void Disable(string reason, DateTimeOffset now)
    {
        if (!Enabled)
            return;
        Enabled = false;
        DisabledReason = reason;
        DisabledAt = now;
        UpdatedAt = now;
    }

    public void Enable(DateTimeOffset now)
    {
        Enabled = true;
        DisabledReason = null;
        DisabledAt = null;
        UpdatedAt = now;
    }

    public bool Wants(string eventType) => EventTypes.Contains(eventType, StringComparer.Ordinal);
}
