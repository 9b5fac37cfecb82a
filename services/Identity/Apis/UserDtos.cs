using System.ComponentModel.DataAnnotations;

namespace Samverkan.Identity.Apis;

public sealed record CreateUserRequest
{
    [Required, EmailAddress, StringLength(256)]
    public string? Email { get; init; }
    [Required, StringLength(200, MinimumLength = 1)]
    public string? DisplayName { get; init; }
    [Required]
    public Guid? AgencyId { get; init; }
    /// <summary>caseworker, coordinator, admin or employer (an employer's user: the agency is the employer organisation's actor id).</summary>
    [Required]
    public string? Role { get; init; }
    /// <summary>A first password (at least 15 characters, not a common one); leave out for a person who signs in only through a linked provider.</summary>
    public string? Password { get; init; }
    /// <summary>Accounts at upstream providers (SITHS IdP, BankID/Freja broker) that sign in as this user.</summary>
    public ExternalLoginRequest[]? ExternalLogins { get; init; }
}

public sealed record ExternalLoginRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    public string? Provider { get; init; }
    [Required, StringLength(256, MinimumLength = 1)]
    public string? Subject { get; init; }
}

public sealed record UserResponse(Guid Id, string Email, string DisplayName, Guid AgencyId, string Role, bool LockedOut, IReadOnlyList<string> ExternalLogins);
