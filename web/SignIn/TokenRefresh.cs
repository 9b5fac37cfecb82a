using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Samverkan.Web.SignIn;

/// <summary>
/// Keeps the access token in a person's cookie usable: shortly before it expires, the refresh token buys a new one at
/// the identity service's token endpoint and the cookie is written anew. When the refresh token is spent or revoked
/// (the person was locked out, their account removed), the cookie is rejected and the next page asks them to sign in.
/// </summary>
public sealed class TokenRefresh(IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider clock, ILogger<TokenRefresh> log)
{
    /// <summary>Renew this long before expiry, so that a page's several API calls never straddle it.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public const string HttpClientName = "token-refresh";

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            return;
        if (expires - clock.GetUtcNow() > Margin)
            return;

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var renewed = refreshToken is null ? null : await RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        if (renewed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", renewed.Value.AccessToken);
        if (renewed.Value.RefreshToken is { } rolled)
            context.Properties.UpdateTokenValue("refresh_token", rolled);
        context.Properties.UpdateTokenValue("expires_at",
            clock.GetUtcNow().AddSeconds(renewed.Value.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private async Task<(string AccessToken, string? RefreshToken, int ExpiresIn)?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
        using var http = clients.CreateClient(HttpClientName);
        using var response = await http.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId!,
            ["refresh_token"] = refreshToken,
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            log.LogInformation("A person's refresh token was refused ({Status}); they sign in again", (int)response.StatusCode);
            return null;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var root = json.RootElement;
        return (root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var rolled) ? rolled.GetString() : null,
            root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300);
    }
}
