using OpenIddict.Abstractions;
using Samverkan.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Server;

/// <summary>
/// A first-party application people sign in to: a public client (no secret in a browser or on a laptop), authorization
/// code with PKCE only, refresh tokens, and every API scope (what a person may do is their role's, not the app's).
/// </summary>
internal static class InteractiveClient
{
    public static OpenIddictApplicationDescriptor Describe(string clientId, string displayName, IEnumerable<string> redirectUris, IEnumerable<string> postLogoutUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in ApiResources.AllScopes)
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        foreach (var uri in redirectUris)
            descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in postLogoutUris)
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        return descriptor;
    }
}
