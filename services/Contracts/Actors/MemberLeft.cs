namespace Samverkan.Contracts.Actors;

/// <summary>An actor left a collaboration. Its membership is kept with the leave date, never deleted.</summary>
public sealed record MemberLeft
{
    public required Guid CollaborationId { get; init; }
    public required Guid ActorId { get; init; }
    public required DateOnly LeftOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
