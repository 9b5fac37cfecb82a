using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Employers;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Employers.Apis;

/// <summary>Publishes a placement offer. An employer user may leave out <see cref="EmployerId"/>: its own is used.</summary>
public sealed record PublishOfferRequest
{
    /// <summary>The employer offering the places. Required for agency staff; an employer user may only name its own.</summary>
    public Guid? EmployerId { get; init; }

    [Required]
    public OfferKind? Kind { get; init; }

    /// <summary>SSYK 2012 code, four digits.</summary>
    [Required]
    public string? OccupationCode { get; init; }

    [Required, StringLength(200, MinimumLength = 1)]
    public string? Title { get; init; }

    [StringLength(8000)]
    public string? Description { get; init; }

    /// <summary>SCB kommunkod where the work is.</summary>
    [Required, MunicipalityCode]
    public string? MunicipalityCode { get; init; }

    [Required, Range(1, 1000)]
    public int? Places { get; init; }

    [Required, PlausibleDate]
    public DateOnly? StartDate { get; init; }

    /// <summary>Length in weeks; leave out for open-ended.</summary>
    [Range(1, 520)]
    public int? DurationWeeks { get; init; }

    [Required, Range(1, 60)]
    public decimal? HoursPerWeek { get; init; }

    public RequirementsRequest? Requirements { get; init; }

    /// <summary>How many people the workplace can supervise at once; 1 when left out.</summary>
    [Range(1, 100)]
    public int? SupervisorCapacity { get; init; }

    [MaxLength(30)]
    public List<string>? Adaptations { get; init; }

    /// <summary>Checks list entries the attributes cannot reach.</summary>
    public void AddListErrors(Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < (Requirements?.Skills?.Count ?? 0); i++)
        {
            if (Requirements!.Skills![i] is not { Length: > 0 and <= 100 } skill || string.IsNullOrWhiteSpace(skill))
                errors[$"requirements.skills[{i}]"] = ["A skill is 1–100 characters."];
        }
        for (var i = 0; i < (Adaptations?.Count ?? 0); i++)
        {
            if (Adaptations![i] is not { Length: > 0 and <= 200 } adaptation || string.IsNullOrWhiteSpace(adaptation))
                errors[$"adaptations[{i}]"] = ["An adaptation is 1–200 characters."];
        }
    }
}

public sealed record RequirementsRequest
{
    [MaxLength(30)]
    public List<string>? Skills { get; init; }

    /// <summary>none, basic, intermediate, advanced, fluent; none when left out.</summary>
    public SwedishLevel? SwedishLevel { get; init; }

    public bool? DrivingLicence { get; init; }

    public OfferRequirements ToModel() => new()
    {
        Skills = Skills?.Select(s => s.Trim()).ToList() ?? [],
        SwedishLevel = SwedishLevel ?? Model.SwedishLevel.None,
        DrivingLicence = DrivingLicence ?? false,
    };
}

public sealed record OfferResponse(
    Guid Id, Guid EmployerId, OfferKind Kind, string OccupationCode, string Title, string? Description,
    string MunicipalityCode, string? MunicipalityName, int Places, DateOnly StartDate, int? DurationWeeks, decimal HoursPerWeek,
    OfferRequirements Requirements, int SupervisorCapacity, IReadOnlyList<string> Adaptations, OfferStatus Status,
    Guid PublishedByActorId, DateTimeOffset PublishedAt, DateTimeOffset? FilledAt, DateTimeOffset? ClosedAt)
{
    public static OfferResponse From(Offer o) => new(
        o.Id, o.EmployerId, o.Kind, o.OccupationCode, o.Title, o.Description, o.MunicipalityCode, Municipalities.NameOf(o.MunicipalityCode),
        o.Places, o.StartDate, o.DurationWeeks, o.HoursPerWeek, o.Requirements, o.SupervisorCapacity, o.Adaptations, o.Status,
        o.PublishedByActorId, o.PublishedAt, o.FilledAt, o.ClosedAt);
}
