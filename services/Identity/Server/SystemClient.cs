using OpenIddict.Abstractions;
using Samverkan.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Server;

/// <summary>
/// An agency's system: a confidential client that may use client credentials only, with the scopes it was registered
/// for and the agency and role it acts as. The one description of such a client, for the API and the seeding alike.
/// </summary>
internal static class SystemClient
{
    public static OpenIddictApplicationDescriptor Describe(string clientId, string secret, string displayName, ClientProfile profile, IEnumerable<string> scopes)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes.Distinct())
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        profile.WriteTo(descriptor.Properties);
        return descriptor;
    }
}
