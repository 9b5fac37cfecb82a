namespace Samverkan.Contracts.Participants;

/// <summary>The track (spår) of the joint action plan a commitment belongs to. On the wire "health", "studies", "work".</summary>
public enum PlanTrack
{
    Health = 1,
    Studies = 2,
    Work = 3,
}
