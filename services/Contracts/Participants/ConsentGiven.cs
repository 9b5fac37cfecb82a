namespace Samverkan.Contracts.Participants;

/// <summary>A participant consented to <see cref="Purpose"/> towards <see cref="RecipientActorId"/>. Ids and facts only.</summary>
public sealed record ConsentGiven
{
    public required Guid ConsentId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required ConsentPurpose Purpose { get; init; }
    public required Guid RecipientActorId { get; init; }
    public required DateOnly GivenOn { get; init; }
}
