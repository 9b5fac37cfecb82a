namespace Samverkan.Contracts.Participants;

/// <summary>The situation of a former participant at a follow-up point after exit (ESF+ longer-term results).</summary>
public sealed record FollowUpRecorded
{
    public required Guid FollowUpId { get; init; }
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required FollowUpPoint Point { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>The situation found, in the same terms as an exit outcome.</summary>
    public required ExitOutcome Situation { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
