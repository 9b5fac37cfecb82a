using Samverkan.Contracts.Actors;

namespace Samverkan.Contracts.Participants;

/// <summary>
/// A participant's non-identifying facts were corrected. Carries the state after the change; the start date
/// and referral never change (a re-enrolment keeps the first start date).
/// </summary>
public sealed record ParticipantUpdated
{
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required Gender Gender { get; init; }
    public AgeBand? AgeBand { get; init; }
    public required string MunicipalityCode { get; init; }
    public required IReadOnlyList<TargetGroup> TargetGroups { get; init; }
    public LabourMarketStatus? LabourMarketStatusAtEntry { get; init; }
    public EducationLevel? EducationLevelAtEntry { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>
    /// The participant's revision after this change: Participants raises it by one with every event that carries the participant's facts
    /// (its enrolment is 1, each correction one more), so a copy applies a state only when it is newer than the one it holds. Null only
    /// in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
