using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Testing;

/// <summary>
/// Tokens the way an agency's system gets them: the operator's client registers a system client for the agency and
/// role (through the identity service's API), which then asks the token endpoint with client credentials. One client
/// per (role, agency), its token renewed before it expires.
/// </summary>
public sealed class PlatformTokens(HttpClient identity, string operatorClientId, string operatorSecret)
{
    private static readonly string[] ServiceScopes = [.. ApiResources.AllScopes];
    private readonly ConcurrentDictionary<(string Role, Guid Agency), Lazy<Task<(string Id, string Secret)>>> _clients = new();
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Renew)> _tokens = new();

    /// <summary>The operator's own token (role operator, every scope).</summary>
    public Task<string> OperatorTokenAsync() => TokenAsync(operatorClientId, operatorSecret);

    /// <summary>A token of a system client registered for <paramref name="agency"/> in <paramref name="role"/>.</summary>
    public async Task<string> TokenForAsync(string role, Guid agency)
    {
        if (role == Roles.Operator)
            return await OperatorTokenAsync();
        var (id, secret) = await _clients.GetOrAdd((role, agency), key => new(() => RegisterAsync(key.Role, key.Agency))).Value;
        return await TokenAsync(id, secret);
    }

    /// <summary>The id of the client that <see cref="TokenForAsync"/> uses for (role, agency): the token's subject.</summary>
    public async Task<string> ClientIdForAsync(string role, Guid agency) =>
        (await _clients.GetOrAdd((role, agency), key => new(() => RegisterAsync(key.Role, key.Agency))).Value).Id;

    /// <summary>Registers a system client through the identity API as the operator; its id and the secret shown once.</summary>
    public async Task<(string Id, string Secret)> RegisterAsync(string role, Guid agency, IEnumerable<string>? scopes = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/clients")
        {
            Content = JsonContent.Create(new { displayName = $"test {role} {agency:N}", agencyId = agency, role, scopes = scopes ?? ServiceScopes }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await OperatorTokenAsync());
        using var response = await identity.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Registering a {role} client failed: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("clientId").GetString()!, json.RootElement.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>A client-credentials token, from the cache while it has more than two minutes left.</summary>
    public async Task<string> TokenAsync(string clientId, string secret)
    {
        if (_tokens.TryGetValue(clientId, out var cached) && cached.Renew > DateTimeOffset.UtcNow)
            return cached.Token;
        using var response = await identity.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The token endpoint refused client {clientId}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var token = json.RootElement.GetProperty("access_token").GetString()!;
        var lifetime = TimeSpan.FromSeconds(json.RootElement.GetProperty("expires_in").GetInt32());
        _tokens[clientId] = (token, DateTimeOffset.UtcNow + lifetime - TimeSpan.FromMinutes(2));
        return token;
    }

    /// <summary>A handler that puts a fresh token of (role, agency) on every request, so a long test never sends an expired one.</summary>
    public DelegatingHandler Handler(string role, Guid agency) => new BearerHandler(() => TokenForAsync(role, agency));

    private sealed class BearerHandler(Func<Task<string>> token) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await token());
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
