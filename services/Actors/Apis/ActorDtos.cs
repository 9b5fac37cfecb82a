using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
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

public sealed record ContactPersonRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(100)]
    public string? Role { get; init; }

    [EmailAddress, StringLength(254)]
    public string? Email { get; init; }

    /// <summary>Digits with optional leading +, spaces and hyphens: "+46 8 123 456", "010-486 00 00".</summary>
    [RegularExpression(@"^\+?[0-9][0-9 \-]{5,18}[0-9]$", ErrorMessage = "A phone number is 7–20 digits, optionally with a leading + and spaces or hyphens.")]
    public string? Phone { get; init; }

    public ContactPerson ToModel() => new()
    {
        Name = Name!.Trim(),
        Role = string.IsNullOrWhiteSpace(Role) ? null : Role.Trim(),
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
    };

    /// <summary>A contact person nobody can reach is no contact: each needs an email or a phone number.</summary>
    public static Dictionary<string, string[]> Unreachable(IReadOnlyList<ContactPersonRequest>? contacts)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < (contacts?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(contacts![i].Email) && string.IsNullOrWhiteSpace(contacts[i].Phone))
                errors[$"contacts[{i}].email"] = ["A contact person needs an email address or a phone number."];
        }
        return errors;
    }
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
