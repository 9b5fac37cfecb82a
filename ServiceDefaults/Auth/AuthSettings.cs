namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Where tokens come from and whom they are for, bound from the <c>Auth</c> configuration section. There is no key
/// here: tokens are signed by the identity service with asymmetric keys, and validators fetch the public keys from
/// the authority's discovery document (JWKS), so a key rollover reaches them without configuration.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>The identity service's issuer URL (the gateway's public address), e.g. <c>http://localhost:8080/</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Where this process reads the authority's discovery document, when not from the public address: the identity
    /// service's own (internal) address, so that validating a token never depends on the gateway. The document's
    /// endpoints (the JWKS) follow the address it was fetched from; its issuer stays the public one.
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>
    /// The API this process serves (a name in <see cref="ApiResources.Names"/>); tokens must be meant for it. The
    /// gateway names none and accepts a token for any of them: each service checks its own audience again.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>Whether the discovery document must be fetched over HTTPS. Defaults to true in Production.</summary>
    public bool? RequireHttpsMetadata { get; set; }
}
