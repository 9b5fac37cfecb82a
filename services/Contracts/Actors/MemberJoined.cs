namespace Samverkan.Contracts.Actors;

/// <summary>An actor became a member of a collaboration (the owner too, when the collaboration is created).</summary>
public sealed record MemberJoined
{
    public required Guid CollaborationId { get; init; }
    public required Guid ActorId { get; init; }
    public required MemberRole Role { get; init; }
    public required DateOnly JoinedOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>
    /// The collaboration's revision after this change: Actors raises it by one with every event about the collaboration (its plan and its memberships alike), so a copy applies a state only
    /// when it is newer than the one it holds. Null only in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
