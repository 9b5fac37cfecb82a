using System.ComponentModel.DataAnnotations;

namespace Samverkan.ServiceDefaults.Contacts;

/// <summary>A contact person as a request gives it, with the one set of rules for every service that keeps contacts.</summary>
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
    public static void AddUnreachable(IReadOnlyList<ContactPersonRequest>? contacts, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < (contacts?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(contacts![i].Email) && string.IsNullOrWhiteSpace(contacts[i].Phone))
                errors[$"contacts[{i}].email"] = ["A contact person needs an email address or a phone number."];
        }
    }

    /// <inheritdoc cref="AddUnreachable"/>
    public static Dictionary<string, string[]> Unreachable(IReadOnlyList<ContactPersonRequest>? contacts)
    {
        var errors = new Dictionary<string, string[]>();
        AddUnreachable(contacts, errors);
        return errors;
    }
}
