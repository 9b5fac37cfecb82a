namespace Samverkan.Contracts.Actors;

/// <summary>An actor left a collaboration. Its membership is kept with the leave date, never deleted.</summary>
public sealed record MemberLeft
{
    public required Guid CollaborationId { get; init; }
    public required Guid ActorId { get; init; }
    public required DateOnly LeftOn { get; init; }
    /// <summary>The role held in the membership that ended, so the event carries the membership's whole state. Null only in events published before it.</summary>
    public MemberRole? Role { get; init; }
    /// <summary>When the membership that ended began. Null only in events published before it.</summary>
    public DateOnly? JoinedOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>
    /// The collaboration's revision after this change: Actors raises it by one with every event about the collaboration (its plan and its memberships alike), so a copy applies a state only
    /// when it is newer than the one it holds. Null only in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
