using System.ComponentModel.DataAnnotations;

namespace Samverkan.Identity.Apis;

/// <summary>An agency's system to register: it will act for <see cref="AgencyId"/> in <see cref="Role"/>, with these scopes.</summary>
public sealed record RegisterClientRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? DisplayName { get; init; }
    [Required]
    public Guid? AgencyId { get; init; }
    /// <summary>caseworker, coordinator, admin or employer.</summary>
    [Required]
    public string? Role { get; init; }
    /// <summary>For example participants.read, participants.write, employers.write, reporting.read.</summary>
    [Required, MinLength(1)]
    public string[]? Scopes { get; init; }
}

/// <summary>The registered client; <see cref="ClientSecret"/> is shown this once and stored only as a hash.</summary>
public sealed record RegisteredClientResponse(string ClientId, string? ClientSecret, string DisplayName, Guid AgencyId, string Role,
    IReadOnlyList<string> Scopes, DateTimeOffset? PreviousSecretValidUntil = null);

public sealed record RotateSecretRequest
{
    /// <summary>How long the secret replaced stays valid, so systems can switch without an outage: 0–168 hours, 24 when not given.</summary>
    [Range(0, 168)]
    public int? OverlapHours { get; init; }
}

/// <summary>A first-party application people sign in to (the web UI, a native app): authorization code with PKCE.</summary>
public sealed record RegisterInteractiveClientRequest
{
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{2,62}$", ErrorMessage = "clientId: 3–63 lower-case letters, digits and hyphens.")]
    public string? ClientId { get; init; }
    [Required, StringLength(200, MinimumLength = 1)]
    public string? DisplayName { get; init; }
    [Required, MinLength(1)]
    public string[]? RedirectUris { get; init; }
    public string[]? PostLogoutRedirectUris { get; init; }
}
