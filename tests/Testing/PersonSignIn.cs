using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Samverkan.Testing;

/// <summary>The tokens a person's sign-in ends with.</summary>
public sealed record SignedIn(string AccessToken, string? RefreshToken, string? IdToken);

/// <summary>
/// A person signing in the way a browser and a public client do it, by plain HTTP: the authorization request with
/// a PKCE challenge, the redirect to the Swedish login page, the form posted with its antiforgery token, back to the
/// authorization endpoint, the code at the redirect URI, and the code exchanged with the verifier. Every redirect is
/// followed by hand, so a test sees each step's answer.
/// </summary>
public sealed partial class PersonSignIn(Uri authority) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = false })
    {
        BaseAddress = authority, Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Signs in and returns the tokens; throws with the step's answer when a step does not go as a browser's would.</summary>
    public async Task<SignedIn> SignInAsync(string clientId, Uri redirectUri, string email, string password, string scope = "openid offline_access participants.read participants.write actors.read reporting.read")
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = $"/connect/authorize?client_id={Uri.EscapeDataString(clientId)}&response_type=code&redirect_uri={Uri.EscapeDataString(redirectUri.ToString())}"
                        + $"&scope={Uri.EscapeDataString(scope)}&state={state}&code_challenge={challenge}&code_challenge_method=S256";

        var toLogin = await SendAsync(HttpMethod.Get, authorize);
        var loginPage = await SendAsync(HttpMethod.Get, Location(toLogin, "the authorization endpoint to send an anonymous person to the login page"));
        var html = await loginPage.Content.ReadAsStringAsync();
        var posted = await PostLoginAsync(html, email, password);
        if (posted.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"The login page answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var toClient = await SendAsync(HttpMethod.Get, Location(posted, "the login to return to the authorization endpoint"));
        var callback = new Uri(Location(toClient, "the authorization endpoint to redirect to the client with a code"));
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        if (query["state"] != state)
            throw new InvalidOperationException("The state came back changed.");
        var code = query["code"] ?? throw new InvalidOperationException($"No code in {callback}");

        return await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(), ["code_verifier"] = verifier,
        });
    }

    /// <summary>Posts the login form of a login page (its antiforgery token and return URL) with this e-mail and password.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string loginPageHtml, string email, string password)
    {
        var fields = HiddenField().Matches(loginPageHtml).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["email"] = email;
        fields["password"] = password;
        return await SendAsync(HttpMethod.Post, "/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The login page as an anonymous browser gets it.</summary>
    public async Task<string> LoginPageAsync() => await (await SendAsync(HttpMethod.Get, "/account/login")).Content.ReadAsStringAsync();

    public Task<SignedIn> RefreshAsync(string clientId, string refreshToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = clientId, ["refresh_token"] = refreshToken });

    private async Task<SignedIn> TokenAsync(Dictionary<string, string> form)
    {
        using var response = await _http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        string? Get(string name) => json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new SignedIn(Get("access_token")!, Get("refresh_token"), Get("id_token"));
    }

    /// <summary>One request with this browser's cookies (kept by hand: a redirect's target may be another host name).</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathOrUri, HttpContent? content = null)
    {
        var uri = new Uri(_http.BaseAddress!, pathOrUri);
        var request = new HttpRequestMessage(method, uri) { Content = content };
        var cookies = _cookies.GetCookieHeader(uri);
        if (cookies.Length > 0)
            request.Headers.Add("Cookie", cookies);
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set)
                _cookies.SetCookies(uri, cookie);
        return response;
    }

    private static string Location(HttpResponseMessage response, string expected) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location.ToString() : location.OriginalString
            : throw new InvalidOperationException($"Expected {expected}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenField();

    public void Dispose() => _http.Dispose();
}
