using Samverkan.Contracts.Participants;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Apis;

/// <summary>One enrolment request after the checks that need no database; <see cref="Errors"/> empty when it passed them.</summary>
public sealed record EnrolmentCandidate(
    EnrolParticipantRequest Request,
    PersonalIdentityNumber? Number,
    Gender? Gender,
    DateOnly? BirthDate,
    Guid? ReferringActorId,
    bool Forbidden,
    Dictionary<string, string[]> Errors);

/// <summary>The enrolment checks that need no I/O, and the making of the participant, shared by single and bulk enrolment.</summary>
public static class EnrolmentRules
{
    /// <summary>
    /// Assumes the DataAnnotations of <see cref="EnrolParticipantRequest"/> have passed (required fields present).
    /// Never puts the number itself into a message.
    /// </summary>
    public static EnrolmentCandidate Check(EnrolParticipantRequest request, ClaimsPrincipal user)
    {
        var errors = new Dictionary<string, string[]>();
        PersonalIdentityNumber? number = null;
        if (request.PersonalIdentityNumber is not null && request.WithoutNumber is not null)
            errors["withoutNumber"] = ["Give either a personal identity number or withoutNumber, not both."];
        else if (request.PersonalIdentityNumber is null && request.WithoutNumber is null)
            errors["personalIdentityNumber"] = ["A personal identity number is required, or withoutNumber: anonymous or protected-identity."];
        else if (request.PersonalIdentityNumber is not null
                 && !PersonalIdentityNumber.TryParse(request.PersonalIdentityNumber, out number, out var numberError))
            errors["personalIdentityNumber"] = [numberError];

        var gender = Genders.Derive(request.Gender, number);
        if (gender is null && request.WithoutNumber is not null)
            errors["gender"] = ["Gender is required for a participant without a personal identity number."];
        if (number is not null && request.BirthDate is { } given && given != number.BirthDate)
            errors["birthDate"] = ["The birth date does not match the personal identity number."];
        var birthDate = number?.BirthDate ?? request.BirthDate;
        if (request.ReferralDate > request.StartDate)
            errors["referralDate"] = ["The referral date cannot be after the start date."];
        if (birthDate > request.StartDate)
            errors["startDate"] = ["The start date cannot be before the participant's birth."];

        var referringActorId = request.ReferringActorId ?? user.GetAgencyId();
        var forbidden = false;
        if (referringActorId is null)
            errors["referringActorId"] = ["The referring actor is required."];
        else if (referringActorId != user.GetAgencyId())
            forbidden = true; // an agency's staff, its admin included, refer for that agency alone
        return new EnrolmentCandidate(request, number, gender, birthDate, referringActorId, forbidden, errors);
    }

    /// <summary>The new participant of a candidate that passed every check; the number and name only encrypted.</summary>
    public static Participant NewParticipant(EnrolmentCandidate candidate, Guid id, IdentityProtector protector, byte[]? lookupHash,
        DateTimeOffset now, string enrolledBy)
    {
        var (request, number) = (candidate.Request, candidate.Number);
        return new Participant
        {
            Id = id,
            CollaborationId = request.CollaborationId!.Value,
            IdentityKind = number is null
                ? request.WithoutNumber == WithoutNumber.ProtectedIdentity ? IdentityKind.ProtectedIdentity : IdentityKind.Anonymous
                : number.IsCoordinationNumber ? IdentityKind.CoordinationNumber : IdentityKind.PersonalIdentityNumber,
            ProtectedNumber = number is null ? null : protector.ProtectNumber(number),
            NumberLookupHash = lookupHash,
            ProtectedName = string.IsNullOrWhiteSpace(request.Name) ? null : protector.ProtectName(request.Name.Trim()),
            Gender = candidate.Gender!.Value,
            BirthDate = candidate.BirthDate,
            AgeAtStart = candidate.BirthDate is { } born ? Age.On(born, request.StartDate!.Value) : null,
            MunicipalityCode = request.MunicipalityCode!,
            ReferringActorId = candidate.ReferringActorId!.Value,
            ReferralDate = request.ReferralDate!.Value,
            TargetGroups = (request.TargetGroups ?? []).Distinct().Order().ToList(),
            BenefitAtStart = request.BenefitAtStart!.Value,
            LabourMarketStatusAtEntry = request.LabourMarketStatus!.Value,
            EducationLevelAtEntry = request.EducationLevel!.Value,
            StartDate = request.StartDate!.Value,
            EnrolledAt = now,
            EnrolledBy = enrolledBy,
        };
    }
}
