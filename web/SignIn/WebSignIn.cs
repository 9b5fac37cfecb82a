using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Web.Workspaces;

namespace Samverkan.Web.SignIn;

/// <summary>
/// People sign in at the identity service with authorization code + PKCE; the UI keeps their tokens in its own
/// encrypted, HTTP-only cookie (never in the browser's script reach) and sends the access token to the gateway on
/// their behalf. The access token lives minutes; <see cref="TokenRefresh"/> renews it from the refresh token.
/// </summary>
public static class WebSignIn
{
    /// <summary>The API scopes the UI asks for: every API's read and write, since what a person may do is their role's.</summary>
    private static readonly string[] Scopes =
        ["openid", "offline_access", .. ApiResources.Scopes.Where(s => s.Api != ResourceNames.Identity).Select(s => s.Scope)];

    public static IHostApplicationBuilder AddWebSignIn(this IHostApplicationBuilder builder)
    {
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var auth = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        builder.Services.Configure<WebOptions>(builder.Configuration.GetSection(WebOptions.Section));
        builder.Services.AddSingleton<TokenRefresh>();
        if (!string.IsNullOrWhiteSpace(web.KeyDirectory))
            builder.Services.AddDataProtection().SetApplicationName("Samverkan.Web").PersistKeysToFileSystem(new DirectoryInfo(web.KeyDirectory));

        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "samverkan";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure wherever the request is (behind TLS in production); local runs are plain http.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8); // a working day; the refresh token decides beyond the access token's minutes
                o.SlidingExpiration = true;
                o.AccessDeniedPath = "/ingen-behorighet";
                o.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<TokenRefresh>().ValidateAsync(context);
            })
            .AddOpenIdConnect(o =>
            {
                // The issuer is the gateway's public address; its discovery document names the gateway's /connect endpoints,
                // which is where the browser goes to sign in.
                o.Authority = auth.Authority;
                o.RequireHttpsMetadata = auth.RequireHttpsMetadata ?? builder.Environment.IsProduction();
                o.ClientId = web.ClientId;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query; // a top-level GET back, so Lax cookies come along
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false; // the identity token carries name, role and agency
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = SamverkanClaims.Role;
                o.Scope.Clear();
                foreach (var scope in Scopes)
                    o.Scope.Add(scope);
                // Correlation and nonce cookies default to SameSite=None, which browsers accept only with Secure: over plain
                // http (a local run) they would be dropped and every sign-in would fail.
                o.CorrelationCookie.SameSite = o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.UiLocales = "sv";
                    return Task.CompletedTask;
                };
                o.Events.OnRemoteFailure = context =>
                {
                    // A person who cancels or whose sign-in fails gets a page in Swedish, not an exception.
                    context.HandleResponse();
                    context.Response.Redirect("/inloggning-misslyckades");
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization(WorkspacePolicies.Add);
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>
    /// The gateway passes X-Forwarded-Proto and -For, so that a redirect URI is https where the person's browser used https.
    /// Only the proxies on loopback (the gateway on the same host) are believed, unless <c>ForwardedHeaders:KnownNetworks</c> says more.
    /// </summary>
    public static WebApplication UseWebForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor });
        return app;
    }

    /// <summary><c>/logga-in</c> (after sign-in, back to <c>returnUrl</c> on this site) and <c>/logga-ut</c> (here and at the identity service).</summary>
    public static WebApplication MapSignInEndpoints(this WebApplication app)
    {
        app.MapGet("/logga-in", (string? returnUrl, HttpContext http) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        app.MapPost("/logga-ut", () =>
            Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute()); // the layout's form carries the token: no other site can sign a person out
        return app;
    }

    /// <summary>Only a path on this site: an open redirect would let a link send a signed-in person anywhere.</summary>
    internal static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
