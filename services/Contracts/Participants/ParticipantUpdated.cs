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
}
