using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Model;

/// <summary>
/// A person enrolled in one collaboration (deltagare). The identity number is held only encrypted
/// (<see cref="ProtectedNumber"/>) and as a keyed hash for finding the same person again
/// (<see cref="NumberLookupHash"/>); the name only encrypted. Neither is ever in clear in the database.
/// </summary>
public sealed class Participant
{
    public Guid Id { get; init; }
    /// <summary>The collaboration (samverkansprojekt) the participant is enrolled in.</summary>
    public Guid CollaborationId { get; init; }
    public IdentityKind IdentityKind { get; init; }
    /// <summary>Data Protection ciphertext of the twelve-digit number; null without a number.</summary>
    public string? ProtectedNumber { get; init; }
    /// <summary>HMAC-SHA256 of the twelve-digit number under a key kept outside the database.</summary>
    public byte[]? NumberLookupHash { get; init; }
    /// <summary>Data Protection ciphertext of the name, when one was given.</summary>
    public string? ProtectedName { get; init; }
    public Gender Gender { get; init; }
    public DateOnly? BirthDate { get; init; }
    public int? AgeAtStart { get; init; }
    /// <summary>SCB kommunkod of the home municipality.</summary>
    public required string MunicipalityCode { get; init; }
    /// <summary>Remitterande aktör: the known actor that referred the participant; its staff see the record.</summary>
    public Guid ReferringActorId { get; init; }
    public DateOnly ReferralDate { get; init; }
    public List<TargetGroup> TargetGroups { get; init; } = [];
    public BenefitType BenefitAtStart { get; init; }
    public LabourMarketStatus LabourMarketStatusAtEntry { get; init; }
    public EducationLevel EducationLevelAtEntry { get; init; }
    /// <summary>The first start date: a re-enrolment in the same collaboration keeps it (ESF+ counts a person once).</summary>
    public DateOnly StartDate { get; init; }
    public DateTimeOffset EnrolledAt { get; init; }
    /// <summary>The <c>sub</c> of the user who enrolled the participant.</summary>
    public required string EnrolledBy { get; init; }
    /// <summary>
    /// The revision of the facts that leave this service (<see cref="ParticipantEnrolled"/>, <see cref="ParticipantUpdated"/>): 1 at
    /// enrolment, one more with each correction, in the transaction that stages its event, so copies can tell a newer state from an older one.
    /// </summary>
    public long Revision { get; set; } = 1;

    public AgeBand? AgeBand => AgeAtStart is { } age ? AgeBands.Of(age) : null;

    public ParticipantEnrolled ToEnrolledEvent() => new()
    {
        ParticipantId = Id,
        CollaborationId = CollaborationId,
        Gender = Gender,
        AgeBand = AgeBand,
        MunicipalityCode = MunicipalityCode,
        ReferringActorId = ReferringActorId,
        ReferralDate = ReferralDate,
        TargetGroups = TargetGroups,
        StartDate = StartDate,
        LabourMarketStatusAtEntry = LabourMarketStatusAtEntry,
        EducationLevelAtEntry = EducationLevelAtEntry,
        BenefitAtStart = BenefitAtStart,
        EnrolledAt = EnrolledAt,
        Revision = Revision,
    };
}
