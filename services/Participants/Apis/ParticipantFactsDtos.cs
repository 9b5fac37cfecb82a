using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Participants.Apis;

/// <summary>
/// A correction of a participant's non-identifying facts, the state after it in full. The start date, referral and
/// identity never change here (a re-enrolment keeps the first start date).
/// </summary>
public sealed record CorrectFactsRequest
{
    [Required]
    public Gender? Gender { get; init; }

    /// <summary>SCB kommunkod of the home municipality, four digits.</summary>
    [Required, MunicipalityCode]
    public string? MunicipalityCode { get; init; }

    public IReadOnlyList<TargetGroup>? TargetGroups { get; init; }

    [Required]
    public LabourMarketStatus? LabourMarketStatus { get; init; }

    /// <summary>Highest completed education at entry, as an ISCED band.</summary>
    [Required]
    public EducationLevel? EducationLevel { get; init; }
}

public sealed record ParticipantFactsResponse(
    Guid ParticipantId, Gender Gender, string MunicipalityCode, IReadOnlyList<TargetGroup> TargetGroups,
    LabourMarketStatus LabourMarketStatus, EducationLevel EducationLevel)
{
    public static ParticipantFactsResponse From(Participant p) =>
        new(p.Id, p.Gender, p.MunicipalityCode, p.TargetGroups, p.LabourMarketStatusAtEntry, p.EducationLevelAtEntry);
}
