namespace Samverkan.Contracts.Participants;

/// <summary>
/// An admin asked Participants to catch up on what it copies from other services: each owner answers by publishing the current
/// state of everything it owns that Participants copies (through its outbox), and Participants's copies take what is newer. For a
/// copy that drifted, or one started afresh, without a database dump.
/// </summary>
public sealed record CopiesReplayRequested
{
    public required Guid RequestId { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
