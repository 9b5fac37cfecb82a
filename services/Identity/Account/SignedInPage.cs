using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Samverkan.Identity.Model;

namespace Samverkan.Identity.Account;

/// <summary>
/// Where the login page leads when no application sent the person there: who they are signed in as, and a way out.
/// So a newcomer can try a demo account on the login page alone, before any application is registered.
/// </summary>
internal static class SignedInPage
{
    public const string Path = "/account/signed-in";
    public const string LogoutPath = "/account/logout";

    public static void MapSignedInPage(this WebApplication app)
    {
        app.MapGet(Path, ShowAsync).ExcludeFromDescription();
        app.MapPost(LogoutPath, LogoutAsync).ExcludeFromDescription().DisableAntiforgery(); // validated below, by hand
    }

    private static async Task<IResult> ShowAsync(HttpContext http, UserManager<PlatformUser> users, IAntiforgery antiforgery)
    {
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded || await users.GetUserAsync(signedIn.Principal!) is not { } user)
            return Results.Redirect(LoginPage.Path);
        var tokens = antiforgery.GetAndStoreTokens(http);
        string E(string? value) => LoginPage.Html.Encode(value ?? "");
        return Results.Content($$"""
            <!DOCTYPE html>
            <html lang="sv">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Inloggad – Samverkan</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
              <main>
                <h1>Du är inloggad</h1>
                <dl>
                  <dt>Namn</dt><dd>{{E(user.DisplayName)}}</dd>
                  <dt>E-postadress</dt><dd>{{E(user.Email)}}</dd>
                  <dt>Roll</dt><dd>{{E(user.Role)}}</dd>
                  <dt>Aktör</dt><dd>{{user.AgencyId}}</dd>
                </dl>
                <form method="post" action="{{LogoutPath}}">
                  <input type="hidden" name="{{E(tokens.FormFieldName)}}" value="{{E(tokens.RequestToken)}}">
                  <button type="submit">Logga ut</button>
                </form>
              </main>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, SignInManager<PlatformUser> signIn, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem(title: "Formuläret har gått ut. Ladda om sidan och försök igen.", statusCode: StatusCodes.Status400BadRequest);
        await signIn.SignOutAsync();
        return Results.Redirect(LoginPage.Path);
    }
}
