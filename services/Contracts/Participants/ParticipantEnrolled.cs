using Samverkan.Contracts.Actors;

namespace Samverkan.Contracts.Participants;

/// <summary>
/// A participant was enrolled in a collaboration (inskrivning). Non-identifying facts only: never a
/// personnummer, a name or a birth date; age is given as a band. Published once per participant and
/// collaboration: a re-enrolment of the same person publishes nothing.
/// </summary>
public sealed record ParticipantEnrolled
{
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required Gender Gender { get; init; }
    /// <summary>Age at start as a band; absent for an anonymous participant whose age is unknown.</summary>
    public AgeBand? AgeBand { get; init; }
    /// <summary>SCB municipality code (four digits) of the participant's home municipality.</summary>
    public required string MunicipalityCode { get; init; }
    public required Guid ReferringActorId { get; init; }
    public required DateOnly ReferralDate { get; init; }
    /// <summary>The same target groups (målgrupper) a collaboration declares in Actors.</summary>
    public required IReadOnlyList<TargetGroup> TargetGroups { get; init; }
    public required DateOnly StartDate { get; init; }
    /// <summary>ESF+ common output indicator at entry; absent when not recorded.</summary>
    public LabourMarketStatus? LabourMarketStatusAtEntry { get; init; }
    /// <summary>ESF+ common output indicator at entry (ISCED band); absent when not recorded.</summary>
    public EducationLevel? EducationLevelAtEntry { get; init; }
    /// <summary>The benefit the participant lived on at start (never changes); absent only in events published before it was carried.</summary>
    public BenefitType? BenefitAtStart { get; init; }
    public required DateTimeOffset EnrolledAt { get; init; }
    /// <summary>
    /// The participant's revision after this change: Participants raises it by one with every event that carries the participant's facts
    /// (its enrolment is 1, each correction one more), so a copy applies a state only when it is newer than the one it holds. Null only
    /// in events published before revisions.
    /// </summary>
    public long? Revision { get; init; }
}
