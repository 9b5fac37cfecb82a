using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Identity.IntegrationTests;

/// <summary>Agencies' systems: registered for one agency, a secret shown once and stored hashed, rotated with an overlap.</summary>
public sealed class ClientCredentialsTests
{
    [Fact]
    public async Task A_registered_system_gets_a_token_naming_its_agency_role_scopes_and_APIs_for_at_most_15_minutes()
    {
        var identity = await IdentityProcess.GetAsync();
        var agency = Guid.NewGuid();
        var (id, secret) = await identity.Tokens.RegisterAsync(Roles.Caseworker, agency, ["participants.read", "participants.write", "reporting.read"]);

        var response = await IdentityApi.ClientCredentialsAsync(identity, id, secret);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 60, 900);
        var token = body.GetProperty("access_token").GetString()!;
        var claims = IdentityApi.Claims(token);
        Assert.Equal(agency.ToString(), claims.GetProperty("agency").GetString());
        Assert.Equal(Roles.Caseworker, claims.GetProperty("role").GetString());
        Assert.Equal(id, claims.GetProperty("sub").GetString());
        Assert.Equal(identity.Authority.ToString(), claims.GetProperty("iss").GetString());
        Assert.Equal(["participants.read", "participants.write", "reporting.read"], claims.GetProperty("scope").GetString()!.Split(' ').Order());
        Assert.Equal(["participants", "reporting"], claims.GetProperty("aud").EnumerateArray().Select(a => a.GetString()).Order());
        Assert.Equal("RS256", IdentityApi.Header(token).GetProperty("alg").GetString());
    }

    [Fact]
    public async Task A_system_cannot_ask_for_a_scope_it_was_not_registered_for()
    {
        var identity = await IdentityProcess.GetAsync();
        var (id, secret) = await identity.Tokens.RegisterAsync(Roles.Caseworker, Guid.NewGuid(), ["reporting.read"]);

        var response = await IdentityApi.ClientCredentialsAsync(identity, id, secret, scope: "participants.write");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.Contains("scope", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task The_secret_is_shown_once_the_list_never_shows_it_and_a_wrong_one_gets_no_token()
    {
        var identity = await IdentityProcess.GetAsync();
        using var op = await IdentityApi.AsOperatorAsync(identity);
        var agency = Guid.NewGuid();
        var (id, secret) = await identity.Tokens.RegisterAsync(Roles.Coordinator, agency);

        var listed = await op.GetStringAsync("/api/identity/clients");
        var wrong = await IdentityApi.ClientCredentialsAsync(identity, id, secret + "x");

        Assert.Contains(id, listed);
        Assert.DoesNotContain(secret, listed);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_rotated_secret_stays_valid_for_the_overlap_and_a_rotation_without_overlap_ends_it_at_once()
    {
        var identity = await IdentityProcess.GetAsync();
        using var op = await IdentityApi.AsOperatorAsync(identity);
        var (id, first) = await identity.Tokens.RegisterAsync(Roles.Coordinator, Guid.NewGuid());

        var rotated = await (await op.PostAsJsonAsync($"/api/identity/clients/{id}/secret", new { overlapHours = 24 })).Content.ReadFromJsonAsync<JsonElement>();
        var second = rotated.GetProperty("clientSecret").GetString()!;
        Assert.True(rotated.GetProperty("previousSecretValidUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        Assert.Equal(HttpStatusCode.OK, (await IdentityApi.ClientCredentialsAsync(identity, id, first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await IdentityApi.ClientCredentialsAsync(identity, id, second)).StatusCode);

        var third = (await (await op.PostAsJsonAsync($"/api/identity/clients/{id}/secret", new { overlapHours = 0 })).Content
            .ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await IdentityApi.ClientCredentialsAsync(identity, id, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IdentityApi.ClientCredentialsAsync(identity, id, second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await IdentityApi.ClientCredentialsAsync(identity, id, third)).StatusCode);
    }

    [Fact]
    public async Task An_agency_admin_registers_systems_for_its_own_agency_only_and_never_an_operator()
    {
        var identity = await IdentityProcess.GetAsync();
        var agency = Guid.NewGuid();
        using var admin = await IdentityApi.AsAsync(identity, await identity.Tokens.TokenForAsync(Roles.Admin, agency));
        object Body(Guid a, string role) => new { displayName = "Ärendesystem", agencyId = a, role, scopes = new[] { "participants.read" } };

        var own = await admin.PostAsJsonAsync("/api/identity/clients", Body(agency, Roles.Caseworker));
        var other = await admin.PostAsJsonAsync("/api/identity/clients", Body(Guid.NewGuid(), Roles.Caseworker));
        var asOperator = await admin.PostAsJsonAsync("/api/identity/clients", Body(agency, Roles.Operator));

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, asOperator.StatusCode);
        Assert.Contains("role", (await asOperator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_caseworker_manages_no_clients()
    {
        var identity = await IdentityProcess.GetAsync();
        var agency = Guid.NewGuid();
        using var caseworker = await IdentityApi.AsAsync(identity, await identity.Tokens.TokenForAsync(Roles.Caseworker, agency));

        var response = await caseworker.PostAsJsonAsync("/api/identity/clients",
            new { displayName = "x", agencyId = agency, role = Roles.Caseworker, scopes = new[] { "participants.read" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
