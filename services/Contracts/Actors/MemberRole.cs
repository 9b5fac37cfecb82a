namespace Samverkan.Contracts.Actors;

/// <summary>An actor's part in a collaboration. On the wire: "owner", "partner", "strategic-only".</summary>
public enum MemberRole
{
    /// <summary>Projektägare: answers for the collaboration. Exactly one, the collaboration's owner actor.</summary>
    Owner = 1,
    /// <summary>Takes part in the work and promises contributions.</summary>
    Partner = 2,
    /// <summary>Sits in the strategic steering only, without operational contributions.</summary>
    StrategicOnly = 3,
}
