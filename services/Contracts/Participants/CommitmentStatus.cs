namespace Samverkan.Contracts.Participants;

/// <summary>Where an actor's commitment in the joint action plan stands: planned → started → done, or cancelled.</summary>
public enum CommitmentStatus
{
    Planned = 1,
    Started = 2,
    Done = 3,
    Cancelled = 4,
}
