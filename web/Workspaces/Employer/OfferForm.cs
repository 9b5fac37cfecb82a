using System.Globalization;

namespace Samverkan.Web.Workspaces.Employer;

/// <summary>
/// The "post an offer" form as the browser posts it: every field a string, so that what a person typed comes back to
/// them unchanged next to the API's message. <see cref="ToRequest"/> makes the API's request; the API validates.
/// </summary>
public sealed class OfferForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? OccupationCode { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? Places { get; set; } = "1";
    public string? StartDate { get; set; }
    public string? DurationWeeks { get; set; }
    public string? HoursPerWeek { get; set; }
    public string? SupervisorCapacity { get; set; }
    public string? Description { get; set; }
    /// <summary>One skill a line.</summary>
    public string? Skills { get; set; }
    public string? SwedishLevel { get; set; } = "none";
    public bool DrivingLicence { get; set; }
    /// <summary>One adaptation a line.</summary>
    public string? Adaptations { get; set; }

    /// <summary>
    /// The request. A number or date that cannot be read is sent as missing, so the API answers for it as for an empty
    /// field; the employer's own organisation is the API's default for an employer user, so no employer id is sent.
    /// </summary>
    public PublishOfferRequest ToRequest() => new(
        Blank(Kind), Blank(OccupationCode), Blank(Title), Blank(Description), Blank(MunicipalityCode), Int(Places), Date(StartDate),
        Int(DurationWeeks), Decimal(HoursPerWeek),
        new RequirementsRequest(Lines(Skills), Blank(SwedishLevel), DrivingLicence),
        Int(SupervisorCapacity), Lines(Adaptations));

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static List<string>? Lines(string? value)
    {
        var lines = (value ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return lines.Count == 0 ? null : lines;
    }

    internal static int? Int(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>"37,5" as Swedish writes it, or "37.5".</summary>
    internal static decimal? Decimal(string? value) =>
        decimal.TryParse(value?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    internal static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>POST /api/offers, as services/Employers/Apis/OfferDtos.cs reads it.</summary>
public sealed record PublishOfferRequest(
    string? Kind, string? OccupationCode, string? Title, string? Description, string? MunicipalityCode, int? Places, DateOnly? StartDate,
    int? DurationWeeks, decimal? HoursPerWeek, RequirementsRequest Requirements, int? SupervisorCapacity, List<string>? Adaptations);

public sealed record RequirementsRequest(List<string>? Skills, string? SwedishLevel, bool DrivingLicence);
