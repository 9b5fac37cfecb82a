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
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_system_gets_a_client_credentials_token_through_the_gateway_and_registers_its_agency_and_enrols_a_participant()
    {
        var (agency, collaboration) = await AgencyWithCollaborationAsync("Mönsterås kommun");
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

        var participant = await EnrolAsync(system, collaboration);
        var read = await system.GetAsync($"/api/participants/{participant}/plan");
        var notItsScope = await system.GetAsync($"/api/collaborations/{collaboration}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notItsScope.StatusCode); // a token for Participants only is no token for Actors
    }

    [Fact]
    public async Task A_person_signs_in_with_code_and_PKCE_through_the_gateway_and_reads_their_agencys_participant_but_not_anothers()
    {
        var (agency, collaboration) = await AgencyWithCollaborationAsync("Torsås kommun");
        var (other, otherCollaboration) = await AgencyWithCollaborationAsync("Mörbylånga kommun");
        var ours = await EnrolAsync(platform.ClientFor(Roles.Caseworker, agency), collaboration);
        var theirs = await EnrolAsync(platform.ClientFor(Roles.Caseworker, other), otherCollaboration);

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

    /// <summary>An agency registered by the operator, owning a collaboration its coordinator made.</summary>
    private async Task<(Guid Agency, Guid Collaboration)> AgencyWithCollaborationAsync(string name)
    {
        var created = await (await platform.ClientFor(Roles.Operator).PostAsJsonAsync("/api/actors", new
        {
            name, organisationNumber = TestNumbers.NewOrganisationNumber(), sector = "public", kind = "municipality",
        })).Json(HttpStatusCode.Created);
        var agency = created.GetProperty("id").GetGuid();
        var collaboration = await (await platform.ClientFor(Roles.Coordinator, agency).PostAsJsonAsync("/api/collaborations", new
        {
            name = $"Inloggning {name}", purpose = "Fler i arbete eller studier", targetGroups = new[] { "long-term-unemployed" },
            geography = new[] { "0880" }, startDate = "2026-01-01", endDate = "2027-12-31",
            financing = new { source = "esf-plus", budget = 1_000_000 },
            targets = new { participants = new { total = 100, women = 50, men = 50 }, exitToWorkOrStudiesShare = 60 },
        })).Json(HttpStatusCode.Created);
        return (agency, collaboration.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> EnrolAsync(HttpClient client, Guid collaboration)
    {
        var body = new
        {
            collaborationId = collaboration, withoutNumber = "anonymous", gender = "man", birthDate = "1988-03-03", municipalityCode = "0880",
            referralDate = "2026-01-05", targetGroups = new[] { "long-term-unemployed" }, benefitAtStart = "activity-support",
            labourMarketStatus = "long-term-unemployed", educationLevel = "upper-secondary-or-post-secondary", startDate = "2026-01-10",
        };
        var response = await Eventually.Until(() => client.PostAsJsonAsync("/api/participants", body), r => r.StatusCode != HttpStatusCode.BadRequest,
            Deadline, "Participants to know the agency and its collaboration");
        return (await response.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
