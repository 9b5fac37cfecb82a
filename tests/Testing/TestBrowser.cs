using System.Net;
using System.Text.RegularExpressions;

namespace Samverkan.Testing;

/// <summary>
/// What a browser does that a test needs: cookies per host, redirects followed one at a time (so each answer can be
/// seen), and a page's hidden form fields posted back.
/// </summary>
public sealed partial class TestBrowser : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, HttpContent? content = null)
    {
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

    public Task<HttpResponseMessage> GetAsync(Uri uri) => SendAsync(HttpMethod.Get, uri);

    /// <summary>Where a redirect points (relative to the request's URI); throws with the answer when it is no redirect.</summary>
    public static Uri Location(HttpResponseMessage response, string expected)
    {
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect && response.Headers.Location is { } location)
            return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
        throw new InvalidOperationException($"Expected {expected}, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
    }

    /// <summary>Follows the redirect and returns the next answer.</summary>
    public Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, string expected) => GetAsync(Location(response, expected));

    /// <summary>Posts a page's form: its hidden fields, with these filled in, to <paramref name="action"/> on the page's host.</summary>
    public Task<HttpResponseMessage> PostFormAsync(Uri page, string html, string action, IDictionary<string, string> filled)
    {
        var fields = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in filled)
            fields[name] = value;
        return SendAsync(HttpMethod.Post, new Uri(page, action), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenField();

    public void Dispose() => _http.Dispose();
}
