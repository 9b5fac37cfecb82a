namespace Samverkan.Contracts.Participants;

/// <summary>
/// A participant withdrew a consent. It takes effect at once: consumers drop what they may no longer show
/// under <see cref="Purpose"/> to <see cref="RecipientActorId"/>.
/// </summary>
public sealed record ConsentWithdrawn
{
    public required Guid ConsentId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required ConsentPurpose Purpose { get; init; }
    public required Guid RecipientActorId { get; init; }
    public required DateOnly WithdrawnOn { get; init; }
    public required DateTimeOffset WithdrawnAt { get; init; }
}
