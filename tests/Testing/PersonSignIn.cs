using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Samverkan.Testing;

/// <summary>The tokens a person's sign-in ends with.</summary>
public sealed record SignedIn(string AccessToken, string? RefreshToken, string? IdToken);

/// <summary>
/// A person signing in the way a browser and a public client do it, by plain HTTP: the authorization request with a
/// PKCE challenge, the redirect to the Swedish login page, the form posted, back to the authorization endpoint, the
/// code at the redirect URI, and the code exchanged with the verifier.
/// </summary>
public sealed class PersonSignIn(Uri authority) : IDisposable
{
    public const string DefaultScopes = "openid offline_access actors.read actors.write participants.read participants.write employers.read employers.write reporting.read";

    public TestBrowser Browser { get; } = new();

    /// <summary>The authorization request's URI with a fresh PKCE pair and state.</summary>
    public static (Uri Uri, string Verifier, string State) AuthorizationRequest(Uri authority, string clientId, Uri redirectUri, string scope = DefaultScopes)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var uri = new Uri(authority, $"connect/authorize?client_id={Uri.EscapeDataString(clientId)}&response_type=code&redirect_uri={Uri.EscapeDataString(redirectUri.ToString())}"
                                     + $"&scope={Uri.EscapeDataString(scope)}&state={state}&code_challenge={challenge}&code_challenge_method=S256");
        return (uri, verifier, state);
    }

    /// <summary>Signs in with a password; throws with the step's answer when a step does not go as a browser's would.</summary>
    public async Task<SignedIn> SignInAsync(string clientId, Uri redirectUri, string email, string password, string scope = DefaultScopes)
    {
        var (uri, verifier, state) = AuthorizationRequest(authority, clientId, redirectUri, scope);
        var login = await Browser.FollowAsync(await Browser.GetAsync(uri), "the authorization endpoint to send an anonymous person to the login page");
        var posted = await Browser.PostFormAsync(login.RequestMessage!.RequestUri!, await login.Content.ReadAsStringAsync(), "/account/login",
            new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        var toClient = await Browser.FollowAsync(posted, "the login to return to the authorization endpoint");
        return await ExchangeAsync(toClient, clientId, redirectUri, verifier, state);
    }

    /// <summary>The code of the authorization endpoint's redirect to the client, exchanged for tokens.</summary>
    public async Task<SignedIn> ExchangeAsync(HttpResponseMessage redirectToClient, string clientId, Uri redirectUri, string verifier, string state)
    {
        var callback = TestBrowser.Location(redirectToClient, "the authorization endpoint to redirect to the client with a code");
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        if (query["state"] != state)
            throw new InvalidOperationException($"The state came back changed: {callback}");
        var code = query["code"] ?? throw new InvalidOperationException($"No code in {callback}");
        return await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(), ["code_verifier"] = verifier,
        });
    }

    public Task<SignedIn> RefreshAsync(string clientId, string refreshToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken });

    private async Task<SignedIn> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await Browser.SendAsync(HttpMethod.Post, new Uri(authority, "connect/token"), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        string? Get(string name) => json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new SignedIn(Get("access_token")!, Get("refresh_token"), Get("id_token"));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => Browser.Dispose();
}
