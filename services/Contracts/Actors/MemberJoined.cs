namespace Samverkan.Contracts.Actors;

/// <summary>An actor became a member of a collaboration (the owner too, when the collaboration is created).</summary>
public sealed record MemberJoined
{
    public required Guid CollaborationId { get; init; }
    public required Guid ActorId { get; init; }
    public required MemberRole Role { get; init; }
    public required DateOnly JoinedOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
