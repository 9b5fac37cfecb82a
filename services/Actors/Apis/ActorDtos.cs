using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;

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

    /// <summary>SCB kommunkod, four digits.</summary>
    [RegularExpression("^[0-9]{4}$", ErrorMessage = "A municipality code is four digits (SCB kommunkod).")]
    public string? MunicipalityCode { get; init; }
}

public sealed record ActorResponse(
    Guid Id, string Name, string OrganisationNumber, ActorSector Sector, ActorKind Kind, string? MunicipalityCode, DateTimeOffset RegisteredAt)
{
    public static ActorResponse From(Actor a) => new(a.Id, a.Name, a.OrganisationNumber, a.Sector, a.Kind, a.MunicipalityCode, a.RegisteredAt);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
