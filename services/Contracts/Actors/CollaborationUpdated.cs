namespace Samverkan.Contracts.Actors;

/// <summary>A collaboration's plan changed. Carries the state after the change.</summary>
public sealed record CollaborationUpdated
{
    public required Guid CollaborationId { get; init; }
    public required string Name { get; init; }
    public required Guid OwnerActorId { get; init; }
    public required IReadOnlyList<TargetGroup> TargetGroups { get; init; }
    public required IReadOnlyList<string> MunicipalityCodes { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required FinancingSource FinancingSource { get; init; }
    public required decimal Budget { get; init; }
    public required int ParticipantTarget { get; init; }
    public required decimal ExitToWorkOrStudiesTargetShare { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>
    /// The collaboration's revision after this change: Actors raises it by one with every event about the collaboration (its plan and its memberships alike), so a copy applies a state only
    /// when it is newer than the one it holds. Null only in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
