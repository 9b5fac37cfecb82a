using System.Security.Claims;
using OpenIddict.Abstractions;
using Samverkan.Identity.Model;
using Samverkan.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Server;

/// <summary>
/// What a token says about its holder, for an agency's system and for a person alike: subject, agency, one role,
/// the scopes granted and, derived from them, the APIs it is meant for (audiences). Built in this one place so the
/// two flows cannot drift apart.
/// </summary>
internal static class TokenClaims
{
    public const string AuthenticationType = "samverkan";

    public static ClaimsPrincipal ForClient(string clientId, string displayName, ClientProfile profile, IEnumerable<string> scopes) =>
        Build(clientId, displayName, profile.AgencyId, profile.Role, scopes);

    public static ClaimsPrincipal ForUser(PlatformUser user, IEnumerable<string> scopes) =>
        Build(user.Id.ToString(), user.DisplayName, user.AgencyId, user.Role, scopes);

    private static ClaimsPrincipal Build(string subject, string name, Guid agency, string role, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(AuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(SamverkanClaims.Agency, agency.ToString())
            .SetClaim(SamverkanClaims.Role, role);
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        identity.SetResources(ApiResources.Scopes.Where(s => granted.Contains(s.Scope)).Select(s => s.Api).Distinct());
        identity.SetDestinations(claim => claim.Type switch
        {
            // The name identifies the holder to itself (the web UI's header), not to the APIs.
            Claims.Name => [Destinations.IdentityToken],
            SamverkanClaims.Agency or SamverkanClaims.Role => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
