using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.Testing;

namespace Samverkan.Identity.IntegrationTests;

/// <summary>Calls on the identity service's own API and token endpoint, as an operator or an agency's admin would make them.</summary>
internal static class IdentityApi
{
    public static async Task<HttpClient> AsAsync(IdentityProcess identity, string token)
    {
        var client = new HttpClient { BaseAddress = identity.Authority };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<HttpClient> AsOperatorAsync(IdentityProcess identity) =>
        identity.Tokens.OperatorTokenAsync().ContinueWith(t => AsAsync(identity, t.Result)).Unwrap();

    public static Task<HttpResponseMessage> ClientCredentialsAsync(IdentityProcess identity, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
            form["scope"] = scope;
        return identity.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    /// <summary>A person with a password, made through the API by the operator (admins) or an agency's admin (the rest).</summary>
    public static async Task<(string Email, string Password)> CreatePersonAsync(HttpClient creator, Guid agency, string role)
    {
        var (email, password, _) = await CreatePersonWithIdAsync(creator, agency, role);
        return (email, password);
    }

    public static async Task<(string Email, string Password, Guid Id)> CreatePersonWithIdAsync(HttpClient creator, Guid agency, string role)
    {
        var email = $"{role}.{Guid.NewGuid():N}@test.samverkan.se";
        var password = "grön-cykel-under-" + Guid.NewGuid().ToString("N")[..10];
        var response = await creator.PostAsJsonAsync("/api/identity/users", new { email, displayName = $"Test {role}", agencyId = agency, role, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Creating a {role}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (email, password, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>A first-party public client (code + PKCE) registered by the operator.</summary>
    public static async Task<(string ClientId, Uri RedirectUri)> InteractiveClientAsync(IdentityProcess identity, Uri? redirectUri = null)
    {
        var clientId = $"app-{Guid.NewGuid():N}"[..20];
        redirectUri ??= new Uri("http://localhost:9/callback");
        using var op = await AsOperatorAsync(identity);
        var response = await op.PostAsJsonAsync("/api/identity/interactive-clients", new { clientId, displayName = "Testapp", redirectUris = new[] { redirectUri.ToString() } });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Registering an app: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (clientId, redirectUri);
    }

    /// <summary>The claims of a JWT (not validated: the tests of validation are the services' own).</summary>
    public static JsonElement Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload += new string('=', (4 - payload.Length % 4) % 4);
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement.Clone();
    }

    public static JsonElement Header(string jwt)
    {
        var header = jwt.Split('.')[0].Replace('-', '+').Replace('_', '/');
        header += new string('=', (4 - header.Length % 4) % 4);
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header))).RootElement.Clone();
    }
}
