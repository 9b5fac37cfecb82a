using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using Samverkan.Identity.Account;
using Samverkan.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Federation;

/// <summary>
/// Sign-in through an upstream provider (OpenIddict's client): to the provider, back to <see cref="CallbackPath"/>,
/// and in as the account linked to the provider's subject, with the same cookie a password sign-in gives.
/// </summary>
internal static class ExternalSignIn
{
    public const string CallbackPath = "/account/callback";

    public static string StartPath(string provider, string returnUrl) =>
        $"/account/external/{Uri.EscapeDataString(provider)}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static void MapExternalSignIn(this WebApplication app)
    {
        app.MapGet("/account/external/{provider}", Start).ExcludeFromDescription();
        app.MapMethods(CallbackPath, [HttpMethods.Get, HttpMethods.Post], CallbackAsync).ExcludeFromDescription().DisableAntiforgery();
    }

    private static IResult Start(string provider, string? returnUrl, ExternalProviders providers) =>
        providers.Find(provider) is null
            ? Results.NotFound()
            : Results.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = provider,
            })
            { RedirectUri = LoginPage.SafeReturnUrl(returnUrl) }, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);

    private static async Task<IResult> CallbackAsync(HttpContext http, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn,
        ILoggerFactory loggers)
    {
        var result = await http.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded || result.Principal is not { } upstream)
            return Message("Inloggningen hos den andra leverantören avbröts eller misslyckades. Försök igen.", StatusCodes.Status400BadRequest);
        var provider = upstream.GetClaim(Claims.Private.ProviderName) ?? "";
        var subject = upstream.GetClaim(Claims.Subject) ?? "";
        var user = await users.FindByLoginAsync(provider, subject);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // The subject is the provider's pseudonymous id, not a personnummer; kept out of the log all the same.
            loggers.CreateLogger("Samverkan.Identity.Federation").LogInformation("Sign-in through {Provider} with an account linked to no user", provider);
            return Message("Ditt konto hos leverantören är inte kopplat till något konto i Samverkan. Kontakta din administratör.", StatusCodes.Status403Forbidden);
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: provider);
        return Results.LocalRedirect(LoginPage.SafeReturnUrl(result.Properties?.RedirectUri));
    }

    private static IResult Message(string text, int status) => Results.Content($"""
        <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Inloggning – Samverkan</title></head>
        <body><main><h1>Inloggningen gick inte</h1><p role="alert">{LoginPage.Html.Encode(text)}</p>
        <p><a href="{LoginPage.Path}">Till inloggningen</a></p></main></body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
