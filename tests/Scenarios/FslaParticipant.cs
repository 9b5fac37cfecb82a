using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;

namespace Samverkan.Scenarios;

/// <summary>
/// One made-up participant of the scenario: what a caseworker enters at enrolment, and the exit if any.
/// Enums are the platform's contracts; the benefit type is its kebab-case wire value (the enum lives in
/// Participants, which a scenario does not reference).
/// </summary>
public sealed record FslaParticipant
{
    /// <summary>1-based, stable across runs: the order the dataset was built in.</summary>
    public required int Number { get; init; }
    /// <summary>YYYYMMDD-NNNC with a birth number in the 980–999 series and a valid Luhn check digit.</summary>
    public required string PersonalIdentityNumber { get; init; }
    public required Gender Gender { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required int AgeAtStart { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>The <see cref="FslaActor.Key"/> of the referring actor (remitterande aktör).</summary>
    public required string ReferrerKey { get; init; }
    public required DateOnly ReferralDate { get; init; }
    public required DateOnly StartDate { get; init; }
    public required IReadOnlyList<TargetGroup> TargetGroups { get; init; }
    public required string BenefitAtStart { get; init; }
    public required LabourMarketStatus LabourMarketStatus { get; init; }
    public required EducationLevel EducationLevel { get; init; }
    public FslaExit? Exit { get; init; }
    /// <summary>An OCN validation, for the 84 registered in the validation tool.</summary>
    public FslaValidation? Validation { get; init; }
}

public sealed record FslaExit(DateOnly ExitDate, ExitOutcome Outcome);

public sealed record FslaValidation(DateOnly Date, bool CertificateIssued);
