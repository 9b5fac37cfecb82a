using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Samverkan.Identity.Model;
using Samverkan.Identity.Federation;
using Samverkan.Identity.Server;

namespace Samverkan.Identity.Account;

/// <summary>
/// The page where a person signs in, in Swedish, on its own (no script, one form) so that it works by keyboard and
/// screen reader. A wrong password counts towards lockout; the answer never says whether the address exists.
/// </summary>
internal static class LoginPage
{
    /// <summary>Encodes markup characters only: Swedish letters stay as they are.</summary>
    internal static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public const string Path = "/account/login";

    public static void MapLoginPage(this WebApplication app)
    {
        app.MapGet(Path, Show).ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).ExcludeFromDescription().DisableAntiforgery(); // validated below, by hand
    }

    private static IResult Show(HttpContext http, IAntiforgery antiforgery, ExternalProviders external, string? returnUrl) =>
        Page(http, antiforgery, external, SafeReturnUrl(returnUrl), email: "", error: null);

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, ExternalProviders external,
        SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users, IConfiguration configuration)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Problem(title: "Formuläret har gått ut. Ladda om sidan och försök igen.", statusCode: StatusCodes.Status400BadRequest);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = SafeReturnUrl(form["returnUrl"]);
        if (email.Length == 0 || password.Length == 0)
            return Page(http, antiforgery, external, returnUrl, email, "Fyll i både e-postadress och lösenord.", StatusCodes.Status400BadRequest);

        var user = await users.FindByEmailAsync(email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return Results.LocalRedirect(returnUrl);
        var minutes = configuration.GetValue("Identity:Lockout:Minutes", 15);
        var message = result.IsLockedOut
            ? $"Kontot är låst efter för många misslyckade försök. Försök igen om {minutes} minuter eller kontakta din administratör."
            : "Fel e-postadress eller lösenord.";
        return Page(http, antiforgery, external, returnUrl, email, message, StatusCodes.Status401Unauthorized);
    }

    /// <summary>Back only to this service's authorization endpoint: never an open redirect.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(ConnectEndpoints.AuthorizePath + "?", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal)
            ? url
            : SignedInPage.Path;

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, ExternalProviders external, string returnUrl, string email, string? error, int status = 200)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        Func<string?, string> e = value => Html.Encode(value ?? "");
        var errorBlock = error is null ? "" : $"""<p id="fel" class="fel" role="alert">{e(error)}</p>""";
        var described = error is null ? "" : """ aria-describedby="fel" aria-invalid="true" """;
        var providers = string.Concat(external.All.Select(p =>
            $"""<li><a class="knapp" href="{e(ExternalSignIn.StartPath(p.Name, returnUrl))}">Logga in med {e(p.DisplayName)}</a></li>"""));
        var providerBlock = providers.Length == 0 ? "" : $"""<h2>Eller</h2><ul class="leverantorer">{providers}</ul>""";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="sv">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{(error is null ? "" : "Fel – ")}}Logga in – Samverkan</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.5; }
                label { display: block; margin-top: 1rem; font-weight: 600; }
                input { display: block; width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 2px solid #555; border-radius: 4px; }
                input:focus, button:focus, a:focus { outline: 3px solid #0b5394; outline-offset: 2px; }
                button, .knapp { margin-top: 1.5rem; padding: .7rem 1.4rem; font-size: 1rem; background: #0b5394; color: #fff; border: 0; border-radius: 4px; text-decoration: none; display: inline-block; }
                .fel { border-left: 4px solid #b00020; background: #fdecee; padding: .6rem .8rem; color: #6b0012; }
                .leverantorer { list-style: none; padding: 0; }
              </style>
            </head>
            <body>
              <main>
                <h1>Logga in</h1>
                {{errorBlock}}
                <form method="post" action="{{Path}}" novalidate>
                  <input type="hidden" name="{{e(tokens.FormFieldName)}}" value="{{e(tokens.RequestToken ?? "")}}">
                  <input type="hidden" name="returnUrl" value="{{e(returnUrl)}}">
                  <label for="email">E-postadress</label>
                  <input id="email" name="email" type="email" autocomplete="username" required value="{{e(email)}}"{{described}}>
                  <label for="password">Lösenord</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required{{described}}>
                  <button type="submit">Logga in</button>
                </form>
                {{providerBlock}}
              </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
