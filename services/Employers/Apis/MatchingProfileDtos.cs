using System.ComponentModel.DataAnnotations;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Employers.Apis;

/// <summary>A participant's matching profile, written whole. No identity: the participant id is the key, nothing names the person.</summary>
public sealed record MatchingProfileRequest
{
    /// <summary>Occupational interests, SSYK 2012 codes (four digits), 1–10.</summary>
    [Required, MinLength(1), MaxLength(10)]
    public List<string>? OccupationCodes { get; init; }

    [MaxLength(50)]
    public List<string>? Skills { get; init; }

    /// <summary>none, basic, intermediate, advanced, fluent.</summary>
    [Required]
    public SwedishLevel? SwedishLevel { get; init; }

    /// <summary>Other languages spoken; shown to staff, not scored.</summary>
    [MaxLength(20)]
    public List<string>? Languages { get; init; }

    /// <summary>SCB kommunkod of the home municipality.</summary>
    [Required, MunicipalityCode]
    public string? MunicipalityCode { get; init; }

    [Required, Range(0, 500)]
    public int? MaxCommuteKm { get; init; }

    [Required, PlausibleDate]
    public DateOnly? AvailableFrom { get; init; }

    [Required, Range(1, 60)]
    public decimal? HoursPerWeek { get; init; }

    /// <summary>Adaptations needed at a workplace, short labels matched against offers' adaptations (case-insensitive).</summary>
    [MaxLength(20)]
    public List<string>? AdaptationsNeeded { get; init; }

    /// <summary>not-ready, soon-ready, ready.</summary>
    [Required]
    public Readiness? Readiness { get; init; }

    public bool? DrivingLicence { get; init; }

    /// <summary>Checks what the attributes cannot reach: each code's shape and each label's length.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < (OccupationCodes?.Count ?? 0); i++)
        {
            if (!OccupationCode.IsValid(OccupationCodes![i]))
                errors[$"occupationCodes[{i}]"] = [OccupationCode.Error];
        }
        CheckLabels(Skills, "skills", 100, errors);
        CheckLabels(Languages, "languages", 50, errors);
        CheckLabels(AdaptationsNeeded, "adaptationsNeeded", 200, errors);
        return errors;
    }

    public void ApplyTo(MatchingProfile profile)
    {
        profile.OccupationCodes = OccupationCodes!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        profile.Skills = Labels.NormaliseAll(Skills);
        profile.SwedishLevel = SwedishLevel!.Value;
        profile.Languages = Labels.NormaliseAll(Languages);
        profile.MunicipalityCode = MunicipalityCode!;
        profile.MaxCommuteKm = MaxCommuteKm!.Value;
        profile.AvailableFrom = AvailableFrom!.Value;
        profile.HoursPerWeek = HoursPerWeek!.Value;
        profile.AdaptationsNeeded = Labels.NormaliseAll(AdaptationsNeeded);
        profile.Readiness = Readiness!.Value;
        profile.DrivingLicence = DrivingLicence ?? false;
    }

    private static void CheckLabels(List<string>? labels, string field, int max, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < (labels?.Count ?? 0); i++)
        {
            if (labels![i] is not { } label || string.IsNullOrWhiteSpace(label) || label.Length > max)
                errors[$"{field}[{i}]"] = [$"Each entry is 1–{max} characters."];
        }
    }
}

public sealed record MatchingProfileResponse(
    Guid ParticipantId, Guid OwnerActorId, IReadOnlyList<string> OccupationCodes, IReadOnlyList<string> Skills, SwedishLevel SwedishLevel,
    IReadOnlyList<string> Languages, string MunicipalityCode, string? MunicipalityName, int MaxCommuteKm, DateOnly AvailableFrom,
    decimal HoursPerWeek, IReadOnlyList<string> AdaptationsNeeded, Readiness Readiness, bool DrivingLicence,
    /// <summary>True while an anonymous-profile-to-employers consent is in force: only then is the profile matched.</summary>
    bool Matchable,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static MatchingProfileResponse From(MatchingProfile p, bool matchable) => new(
        p.ParticipantId, p.OwnerActorId, p.OccupationCodes, p.Skills, p.SwedishLevel, p.Languages, p.MunicipalityCode,
        Municipalities.NameOf(p.MunicipalityCode), p.MaxCommuteKm, p.AvailableFrom, p.HoursPerWeek, p.AdaptationsNeeded, p.Readiness,
        p.DrivingLicence, matchable, p.CreatedAt, p.UpdatedAt);
}
