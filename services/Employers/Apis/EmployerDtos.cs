using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Employers;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Contacts;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Employers.Apis;

/// <summary>Registers an employer. Nullable members with [Required] so a missing field is a 400 naming it.</summary>
public sealed record RegisterEmployerRequest
{
    /// <summary>Organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN.</summary>
    [Required]
    public string? OrganisationNumber { get; init; }

    [Required, StringLength(300, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>SNI 2007 code: "62010" or "62.010".</summary>
    [Required]
    public string? IndustryCode { get; init; }

    /// <summary>SCB kommunkod.</summary>
    [Required, MunicipalityCode]
    public string? MunicipalityCode { get; init; }

    /// <summary>none (0), micro (1–9), small (10–49), medium (50–249), large (250+).</summary>
    [Required]
    public SizeBand? SizeBand { get; init; }

    [MaxLength(50)]
    public List<ContactPersonRequest>? Contacts { get; init; }

    /// <summary>The agency owning the relationship: a registered actor. Defaults to the caller's own agency.</summary>
    public Guid? OwnerActorId { get; init; }

    /// <summary>The employer organisation's own actor id, when it is registered as an actor: its users' tokens carry it.</summary>
    public Guid? ActorId { get; init; }
}

/// <summary>Replaces an employer's changeable facts. The organisationsnummer identifies it and cannot change.</summary>
public sealed record UpdateEmployerRequest
{
    [Required, StringLength(300, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required]
    public string? IndustryCode { get; init; }

    [Required, MunicipalityCode]
    public string? MunicipalityCode { get; init; }

    [Required]
    public SizeBand? SizeBand { get; init; }

    [MaxLength(50)]
    public List<ContactPersonRequest>? Contacts { get; init; }

    [Required]
    public Guid? OwnerActorId { get; init; }

    public Guid? ActorId { get; init; }
}

/// <summary>An employer as the API shows it. Its own users see it too; contact persons are shown to all who may see it.</summary>
public sealed record EmployerResponse(
    Guid Id, string OrganisationNumber, string Name, string IndustryCode, string MunicipalityCode, string? MunicipalityName,
    SizeBand SizeBand, IReadOnlyList<ContactPerson> Contacts, Guid OwnerActorId, Guid? ActorId,
    DateTimeOffset RegisteredAt, DateTimeOffset? UpdatedAt)
{
    public static EmployerResponse From(Employer e) => new(
        e.Id, e.OrganisationNumber, e.Name, e.IndustryCode, e.MunicipalityCode, Municipalities.NameOf(e.MunicipalityCode),
        e.SizeBand, e.Contacts, e.OwnerActorId, e.ActorId, e.RegisteredAt, e.UpdatedAt);
}
