using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Samverkan.Identity.Model;
using Samverkan.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Server;

/// <summary>
/// The two OpenID Connect endpoints whose answer is ours to decide (OpenIddict validates the request first: client,
/// secret, PKCE, redirect URI, scopes against the client's permissions): who the token is for, and what it says.
/// </summary>
internal static class ConnectEndpoints
{
    public const string TokenPath = "/connect/token";
    public const string AuthorizePath = "/connect/authorize";
    public const string EndSessionPath = "/connect/endsession";

    public static void MapConnectEndpoints(this WebApplication app)
    {
        app.MapPost(TokenPath, ExchangeAsync).ExcludeFromDescription();
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription();
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSessionAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, ClientSecrets applications, UserManager<PlatformUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var ct = http.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, ct);
            var profile = application is null ? null : ClientProfile.ReadFrom(await applications.GetPropertiesAsync(application, ct));
            if (application is null || profile is null)
                return Refuse(Errors.InvalidClient, "Klienten är inte registrerad för någon aktör.");
            // No scope asked for: everything the client was registered for (OpenIddict has checked any that were asked).
            var scopes = request.GetScopes().IsEmpty
                ? (await applications.GetPermissionsAsync(application, ct))
                    .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[Permissions.Prefixes.Scope.Length..])
                : [.. request.GetScopes()];
            var name = await applications.GetDisplayNameAsync(application, ct) ?? request.ClientId!;
            return Results.SignIn(TokenClaims.ForClient(request.ClientId!, name, profile, scopes), null,
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The principal of the code or refresh token; the person is read again, so a user locked or removed since
            // gets no new token.
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || await users.IsLockedOutAsync(user))
                return Refuse(Errors.InvalidGrant, "Inloggningen gäller inte längre.");
            return Results.SignIn(TokenClaims.ForUser(user, result.Principal!.GetScopes()), null,
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "Den här typen av behörighet stöds inte.");
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<PlatformUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = signedIn.Succeeded ? await users.GetUserAsync(signedIn.Principal!) : null;
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None))
                return Refuse(Errors.LoginRequired, "Du är inte inloggad.");
            // To the login page, and back here with the same request once signed in.
            var parameters = http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList();
            return Results.Challenge(new AuthenticationProperties
            {
                RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters),
            }, [IdentityConstants.ApplicationScheme]);
        }

        // First-party clients only (registered by the operator), so consent is implicit.
        return Results.SignIn(TokenClaims.ForUser(user, request.GetScopes()), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http, SignInManager<PlatformUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
