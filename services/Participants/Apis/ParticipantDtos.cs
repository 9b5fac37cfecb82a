using Samverkan.ServiceDefaults.Sweden;
using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Apis;

/// <summary>How a participant without an identity number is enrolled.</summary>
public enum WithoutNumber
{
    Anonymous = 1,
    /// <summary>Skyddad identitet.</summary>
    ProtectedIdentity = 2,
}

/// <summary>
/// Enrols a participant in a collaboration (inskrivning). Either <see cref="PersonalIdentityNumber"/> or
/// <see cref="WithoutNumber"/>. Sent in the body only: the number never travels in a path or query string.
/// </summary>
public sealed record EnrolParticipantRequest
{
    /// <summary>
    /// The collaboration: one Actors has told this service of (CollaborationCreated), of which the referring actor was a
    /// member on <see cref="ReferralDate"/>.
    /// </summary>
    [Required]
    public Guid? CollaborationId { get; init; }

    /// <summary>Personnummer or samordningsnummer: YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN or without separator.</summary>
    public string? PersonalIdentityNumber { get; init; }

    /// <summary>For a participant enrolled without a number: anonymous or protected-identity.</summary>
    public WithoutNumber? WithoutNumber { get; init; }

    [StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>Derived from the number's legal-sex digit when not given; required without a number.</summary>
    public Gender? Gender { get; init; }

    /// <summary>Only for a participant without a number (with one, it is read from the number).</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>SCB kommunkod of the home municipality, four digits.</summary>
    [Required, MunicipalityCode]
    public string? MunicipalityCode { get; init; }

    /// <summary>Remitterande aktör: a known actor. Defaults to the caller's agency, the only one a caller may name.</summary>
    public Guid? ReferringActorId { get; init; }

    [Required]
    public DateOnly? ReferralDate { get; init; }

    public IReadOnlyList<TargetGroup>? TargetGroups { get; init; }

    [Required]
    public BenefitType? BenefitAtStart { get; init; }

    [Required]
    public LabourMarketStatus? LabourMarketStatus { get; init; }

    /// <summary>Highest completed education as an ISCED band.</summary>
    [Required]
    public EducationLevel? EducationLevel { get; init; }

    [Required]
    public DateOnly? StartDate { get; init; }
}

/// <summary>
/// A participant. The identifying members (number, name, birth date) are present only in an identifying
/// read: one that gave a reason and was written to the audit log.
/// </summary>
public sealed record ParticipantResponse
{
    public required Guid Id { get; init; }
    public required Guid CollaborationId { get; init; }
    public required IdentityKind IdentityKind { get; init; }
    public required Gender Gender { get; init; }
    public int? AgeAtStart { get; init; }
    public AgeBand? AgeBand { get; init; }
    public required string MunicipalityCode { get; init; }
    public required Guid ReferringActorId { get; init; }
    public required DateOnly ReferralDate { get; init; }
    public required IReadOnlyList<TargetGroup> TargetGroups { get; init; }
    public required BenefitType BenefitAtStart { get; init; }
    public required LabourMarketStatus LabourMarketStatus { get; init; }
    public required EducationLevel EducationLevel { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateTimeOffset EnrolledAt { get; init; }

    /// <summary>YYYYMMDD-NNNN; identifying read only.</summary>
    public string? PersonalIdentityNumber { get; init; }
    /// <summary>Identifying read only.</summary>
    public string? Name { get; init; }
    /// <summary>Identifying read only.</summary>
    public DateOnly? BirthDate { get; init; }

    public static ParticipantResponse From(Participant p) => new()
    {
        Id = p.Id,
        CollaborationId = p.CollaborationId,
        IdentityKind = p.IdentityKind,
        Gender = p.Gender,
        AgeAtStart = p.AgeAtStart,
        AgeBand = p.AgeBand,
        MunicipalityCode = p.MunicipalityCode,
        ReferringActorId = p.ReferringActorId,
        ReferralDate = p.ReferralDate,
        TargetGroups = p.TargetGroups,
        BenefitAtStart = p.BenefitAtStart,
        LabourMarketStatus = p.LabourMarketStatusAtEntry,
        EducationLevel = p.EducationLevelAtEntry,
        StartDate = p.StartDate,
        EnrolledAt = p.EnrolledAt,
    };
}

public sealed record IdentityAccessResponse(long Id, Guid ParticipantId, string Subject, Guid? AgencyId, string Role, string Reason, DateTimeOffset AccessedAt)
{
    public static IdentityAccessResponse From(IdentityAccess a) => new(a.Id, a.ParticipantId, a.Subject, a.AgencyId, a.Role, a.Reason, a.AccessedAt);
}
