namespace Samverkan.Contracts.Employers;

/// <summary>
/// An admin asked Employers to catch up on what it copies from other services: each owner answers by publishing the current
/// state of everything it owns that Employers copies (through its outbox), and Employers's copies take what is newer. For a
/// copy that drifted, or one started afresh, without a database dump.
/// </summary>
public sealed record CopiesReplayRequested
{
    public required Guid RequestId { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
