using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// Signing in as the platform's users do, all through the gateway: an agency's system with client credentials, a person
/// with authorization code + PKCE on the login page; and what each may then do in the services.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SignInGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_system_gets_a_client_credentials_token_through_the_gateway_and_registers_its_agency_and_enrols_a_participant()
    {
        var (agency, collaboration) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, "Mönsterås kommun");
        using var op = platform.ClientFor(Roles.Operator);
        var registered = await (await op.PostAsJsonAsync("/api/identity/clients", new
        {
            displayName = "Mönsterås verksamhetssystem", agencyId = agency, role = Roles.Caseworker,
            scopes = new[] { "participants.read", "participants.write" },
        })).Json(HttpStatusCode.Created);

        // The system's own call, as curl would make it (README): client id and secret to the token endpoint.
        using var anonymous = platform.Platform.CreateClient();
        var token = await (await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = registered.GetProperty("clientId").GetString()!,
            ["client_secret"] = registered.GetProperty("clientSecret").GetString()!,
        }))).Json(HttpStatusCode.OK);
        using var system = platform.Platform.CreateClient();
        system.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());

        var participant = await GatewayAgencies.EnrolAsync(system, collaboration);
        var read = await system.GetAsync($"/api/participants/{participant}/plan");
        var notItsScope = await system.GetAsync($"/api/collaborations/{collaboration}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notItsScope.StatusCode); // a token for Participants only is no token for Actors
    }

    [Fact]
    public async Task A_person_signs_in_with_code_and_PKCE_through_the_gateway_and_reads_their_agencys_participant_but_not_anothers()
    {
        var (agency, collaboration) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, "Torsås kommun");
        var (other, otherCollaboration) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, "Mörbylånga kommun");
        var ours = await GatewayAgencies.EnrolAsync(platform.ClientFor(Roles.Caseworker, agency), collaboration);
        var theirs = await GatewayAgencies.EnrolAsync(platform.ClientFor(Roles.Caseworker, other), otherCollaboration);

        using var op = platform.ClientFor(Roles.Operator);
        var redirect = new Uri("http://localhost:9/callback");
        var clientId = $"e2e-{Guid.NewGuid():N}"[..20];
        (await op.PostAsJsonAsync("/api/identity/interactive-clients", new { clientId, displayName = "Testapp", redirectUris = new[] { redirect.ToString() } }))
            .EnsureSuccessStatusCode();
        // The operator makes the agency's admin, who makes a caseworker: each manages only what is theirs.
        var adminPassword = "blå-skog-vid-havet-" + Guid.NewGuid().ToString("N")[..6];
        var adminEmail = $"admin.{Guid.NewGuid():N}@torsas.test";
        (await op.PostAsJsonAsync("/api/identity/users", new { email = adminEmail, displayName = "Tora Admin", agencyId = agency, role = Roles.Admin, password = adminPassword }))
            .EnsureSuccessStatusCode();
        using var adminSignIn = new PersonSignIn(platform.Platform.Gateway);
        var adminTokens = await adminSignIn.SignInAsync(clientId, redirect, adminEmail, adminPassword, PersonSignIn.DefaultScopes + " identity.write");
        using var admin = platform.Platform.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminTokens.AccessToken);
        var caseworkerPassword = "röd-stuga-i-skogen-" + Guid.NewGuid().ToString("N")[..6];
        var caseworkerEmail = $"handlaggare.{Guid.NewGuid():N}@torsas.test";
        (await admin.PostAsJsonAsync("/api/identity/users", new
        {
            email = caseworkerEmail, displayName = "Tage Handläggare", agencyId = agency, role = Roles.Caseworker, password = caseworkerPassword,
        })).EnsureSuccessStatusCode();

        using var signIn = new PersonSignIn(platform.Platform.Gateway);
        var tokens = await signIn.SignInAsync(clientId, redirect, caseworkerEmail, caseworkerPassword);
        using var caseworker = platform.Platform.CreateClient();
        caseworker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var own = await caseworker.GetAsync($"/api/participants/{ours}/plan");
        var another = await caseworker.GetAsync($"/api/participants/{theirs}/plan");
        var refreshed = await signIn.RefreshAsync(clientId, tokens.RefreshToken!);
        caseworker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.AccessToken);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, another.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caseworker.GetAsync($"/api/participants/{ours}/plan")).StatusCode);
    }

    [Fact]
    public async Task The_discovery_document_and_keys_are_published_through_the_gateway_with_asymmetric_keys_only()
    {
        using var anonymous = platform.Platform.CreateClient();
        var discovery = await (await anonymous.GetAsync("/.well-known/openid-configuration")).Json(HttpStatusCode.OK);
        var jwks = await (await anonymous.GetAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!))).Json(HttpStatusCode.OK);

        Assert.Equal(platform.Platform.Gateway.ToString().TrimEnd('/') + "/", discovery.GetProperty("issuer").GetString());
        Assert.StartsWith(platform.Platform.Gateway.ToString().TrimEnd('/'), discovery.GetProperty("token_endpoint").GetString());
        Assert.NotEmpty(jwks.GetProperty("keys").EnumerateArray());
        Assert.All(jwks.GetProperty("keys").EnumerateArray(), key => Assert.Equal("RSA", key.GetProperty("kty").GetString()));
    }
}
