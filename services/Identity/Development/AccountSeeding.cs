using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Samverkan.Identity.Model;
using Samverkan.Identity.Server;
using Samverkan.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Development;

/// <summary>
/// What must exist before anyone can sign in: the platform operator's client (from configuration: the deployment's
/// secret, never one in the source), and in Development only the demo accounts the AppHost prints at start. Outside
/// Development the service refuses to start while a demo account exists.
/// </summary>
public static class AccountSeeding
{
    public const string OperatorSection = "Identity:Operator";
    public const string DemoSection = "Identity:Demo";
    public const string WebSection = "Identity:Web";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var environment = services.GetRequiredService<IHostEnvironment>();
        var applications = services.GetRequiredService<ClientSecrets>();
        var users = services.GetRequiredService<UserManager<PlatformUser>>();
        var ct = CancellationToken.None;

        if (configuration[$"{OperatorSection}:ClientSecret"] is { Length: > 0 } operatorSecret)
        {
            var clientId = configuration[$"{OperatorSection}:ClientId"] is { Length: > 0 } id ? id : "platform-operator";
            var agency = configuration.GetValue($"{OperatorSection}:AgencyId", Guid.Empty);
            await EnsureSystemClientAsync(applications, clientId, "Plattformens drift", new ClientProfile(agency, Roles.Operator),
                ApiResources.AllScopes, operatorSecret, demo: false, ct);
        }

        // The web UI's client, wherever it is deployed: its redirect URIs are the gateway's public address.
        if (configuration[$"{WebSection}:RedirectUri"] is { Length: > 0 } webRedirect)
        {
            var clientId = configuration[$"{WebSection}:ClientId"] is { Length: > 0 } webId ? webId : "samverkan-web";
            var logout = configuration[$"{WebSection}:PostLogoutRedirectUri"] is { Length: > 0 } uri ? [uri] : Array.Empty<string>();
            var descriptor = InteractiveClient.Describe(clientId, "Samverkan webb", [webRedirect], logout);
            if (await applications.FindByClientIdAsync(clientId, ct) is { } existing)
                await applications.UpdateAsync(existing, descriptor, ct);
            else
                await applications.CreateAsync(descriptor, ct);
        }

        if (!environment.IsDevelopment())
        {
            if (await users.Users.AnyAsync(u => u.IsDemo, ct) || await HasDemoClientAsync(applications, ct))
                throw new InvalidOperationException(
                    "Demo accounts from a development run are in the identity database. Production refuses to start with them: use a database of its own.");
            return;
        }
        if (configuration[$"{DemoSection}:Password"] is { Length: > 0 } password)
            await DemoAccounts.EnsureAsync(applications, users, password, configuration[$"{DemoSection}:ClientSecret"] ?? password, configuration, ct);
    }

    /// <summary>A client-credentials client with this profile and secret, created or brought up to date.</summary>
    internal static async Task EnsureSystemClientAsync(ClientSecrets applications, string clientId, string displayName, ClientProfile profile,
        IEnumerable<string> scopes, string secret, bool demo, CancellationToken ct)
    {
        var descriptor = SystemClient.Describe(clientId, secret, displayName, profile, scopes);
        if (demo)
            descriptor.Properties[DemoProperty] = System.Text.Json.JsonSerializer.SerializeToElement(true);
        if (await applications.FindByClientIdAsync(clientId, ct) is { } existing)
            await applications.UpdateAsync(existing, descriptor, ct);
        else
            await applications.CreateAsync(descriptor, ct);
    }

    internal const string DemoProperty = "samverkan_demo";

    private static async Task<bool> HasDemoClientAsync(ClientSecrets applications, CancellationToken ct)
    {
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
            if ((await applications.GetPropertiesAsync(application, ct)).ContainsKey(DemoProperty))
                return true;
        return false;
    }
}
