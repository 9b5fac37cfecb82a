using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Contacts;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Actors.Apis;

/// <summary>Registers an actor. Nullable members with [Required] so a missing field is a 400 naming it.</summary>
public sealed record RegisterActorRequest
{
    [Required, StringLength(300, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>Organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN.</summary>
    [Required]
    public string? OrganisationNumber { get; init; }

    [Required]
    public ActorSector? Sector { get; init; }

    [Required]
    public ActorKind? Kind { get; init; }

    /// <summary>SCB kommunkod, four digits, one of Sweden's 290 municipalities.</summary>
    [MunicipalityCode]
    public string? MunicipalityCode { get; init; }

    [MaxLength(50)]
    public List<ContactPersonRequest>? Contacts { get; init; }
}

/// <summary>Replaces an actor's changeable facts. The organisationsnummer identifies the actor and cannot change.</summary>
public sealed record UpdateActorRequest
{
    [Required, StringLength(300, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required]
    public ActorSector? Sector { get; init; }

    [Required]
    public ActorKind? Kind { get; init; }

    [MunicipalityCode]
    public string? MunicipalityCode { get; init; }

    [MaxLength(50)]
    public List<ContactPersonRequest>? Contacts { get; init; }
}

/// <summary>An actor as the API shows it. Contacts are left out for employers, who see public actor information only.</summary>
public sealed record ActorResponse(
    Guid Id, string Name, string OrganisationNumber, ActorSector Sector, ActorKind Kind, string? MunicipalityCode,
    string? MunicipalityName, IReadOnlyList<ContactPerson>? Contacts, DateTimeOffset RegisteredAt, DateTimeOffset? UpdatedAt)
{
    public static ActorResponse From(Actor a, bool withContacts = true) => new(
        a.Id, a.Name, a.OrganisationNumber, a.Sector, a.Kind, a.MunicipalityCode,
        a.MunicipalityCode is null ? null : Municipalities.NameOf(a.MunicipalityCode),
        withContacts ? a.Contacts : null, a.RegisteredAt, a.UpdatedAt);
}
