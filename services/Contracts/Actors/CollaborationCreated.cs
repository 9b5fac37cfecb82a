namespace Samverkan.Contracts.Actors;

/// <summary>A collaboration (samverkansprojekt) was set up. Its members arrive as <see cref="MemberJoined"/> events.</summary>
public sealed record CollaborationCreated
{
    public required Guid CollaborationId { get; init; }
    public required string Name { get; init; }
    public required Guid OwnerActorId { get; init; }
    public required IReadOnlyList<TargetGroup> TargetGroups { get; init; }
    /// <summary>SCB municipality codes the collaboration covers.</summary>
    public required IReadOnlyList<string> MunicipalityCodes { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required FinancingSource FinancingSource { get; init; }
    public required decimal Budget { get; init; }
    /// <summary>Planned participants in total; Reporting compares outcomes against it.</summary>
    public required int ParticipantTarget { get; init; }
    /// <summary>Target share (0–100 %) of participants leaving for work or studies.</summary>
    public required decimal ExitToWorkOrStudiesTargetShare { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// The collaboration's revision after this change: Actors raises it by one with every event about the collaboration (its plan and its memberships alike), so a copy applies a state only
    /// when it is newer than the one it holds. Null only in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
