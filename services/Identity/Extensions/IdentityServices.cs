using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using Samverkan.Identity.Account;
using Samverkan.Identity.Federation;
using Samverkan.Identity.Infrastructure;
using Samverkan.Identity.Keys;
using Samverkan.Identity.Model;
using Samverkan.Identity.Server;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Extensions;

internal static class IdentityServices
{
    public static void AddIdentityServices(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var development = builder.Environment.IsDevelopment();
        builder.AddServiceDbContext<IdentityDb>(ResourceNames.IdentityDb);
        // Only when a test harness runs the service as its child process (ParentProcessWatch).
        if (configuration.GetValue<int?>(ParentProcessWatch.Setting) is { } parent)
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ParentProcessWatch>(sp, parent));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ExternalProviders>();
        var external = new ExternalProviders(configuration);

        var lockout = configuration.GetSection("Identity:Lockout");
        builder.Services.AddIdentityCore<PlatformUser>(options =>
            {
                // NIST 800-63B: length and a deny list (PasswordRules), no composition rules.
                options.Password = new PasswordOptions
                {
                    RequiredLength = 0, RequireDigit = false, // PasswordRules checks the length, in Swedish RequireLowercase = false,
                    RequireUppercase = false, RequireNonAlphanumeric = false, RequiredUniqueChars = 1,
                };
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = lockout.GetValue("MaxFailedAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(lockout.GetValue("Minutes", 15));
                options.User.RequireUniqueEmail = true;
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddSignInManager()
            .AddPasswordValidator<PasswordRules>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = LoginPage.Path;
                options.Cookie.Name = "samverkan.login";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = false;
            }));

        var keys = KeyRing.Open(configuration.GetSection(KeyOptions.Section).Get<KeyOptions>() ?? new KeyOptions(), development, TimeProvider.System);
        var signing = keys.Current(KeyRing.Signing);
        var encryption = keys.Current(KeyRing.Encryption);
        var requireHttps = configuration.GetValue("Identity:RequireHttps", builder.Environment.IsProduction());
        var issuer = configuration["Identity:Issuer"];

        builder.Services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<IdentityDb>();
                core.ReplaceApplicationManager<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication, ClientSecrets>();
            })
            .AddServer(server =>
            {
                if (!string.IsNullOrWhiteSpace(issuer))
                    server.SetIssuer(new Uri(issuer, UriKind.Absolute));
                server.SetTokenEndpointUris(ConnectEndpoints.TokenPath[1..])
                    .SetAuthorizationEndpointUris(ConnectEndpoints.AuthorizePath[1..])
                    .SetEndSessionEndpointUris(ConnectEndpoints.EndSessionPath[1..]);
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, .. ApiResources.AllScopes]);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Identity:AccessTokenMinutes", 10), 1, 15)))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(configuration.GetValue("Identity:RefreshTokenDays", 14)));
                // Signed, not encrypted: the APIs validate access tokens themselves with the public keys of the JWKS.
                server.DisableAccessTokenEncryption();
                foreach (var key in signing)
                    server.AddSigningKey(key.Key);
                foreach (var key in encryption)
                    server.AddEncryptionKey(key.Key);
                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!requireHttps)
                    aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                // The identity service's own API (accounts, clients) takes the tokens it issued itself.
                validation.UseLocalServer();
                validation.AddAudiences(ResourceNames.Identity);
                validation.UseAspNetCore();
            })
            .AddClient(client =>
            {
                // Upstream OpenID Connect providers (SITHS IdP, BankID/Freja broker), from configuration only.
                client.AllowAuthorizationCodeFlow();
                client.SetRedirectionEndpointUris(ExternalSignIn.CallbackPath[1..]);
                client.AddSigningKey(signing[0].Key);
                client.AddEncryptionKey(encryption[0].Key);
                var aspNetCore = client.UseAspNetCore().EnableRedirectionEndpointPassthrough();
                if (!requireHttps)
                {
                    // On plain http (a local run) the state cookie cannot be Secure, and so not SameSite=None either;
                    // Lax still travels with the provider's top-level redirect back to the callback.
                    aspNetCore.DisableTransportSecurityRequirement();
                    aspNetCore.Configure(options =>
                    {
                        options.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                        options.CookieBuilder.SameSite = SameSiteMode.Lax;
                    });
                }
                client.UseSystemNetHttp();
                foreach (var provider in external.All)
                {
                    var registration = new OpenIddict.Client.OpenIddictClientRegistration
                    {
                        Issuer = new Uri(provider.Authority, UriKind.Absolute),
                        ProviderName = provider.Name,
                        ProviderDisplayName = provider.DisplayName,
                        ClientId = provider.ClientId,
                        ClientSecret = provider.ClientSecret,
                        RedirectUri = new Uri(ExternalSignIn.CallbackPath[1..], UriKind.Relative),
                    };
                    foreach (var scope in provider.Scopes)
                        registration.Scopes.Add(scope);
                    client.AddRegistration(registration);
                }
            });

        // The APIs ask for the manager by its own type, to rotate secrets; it is the one OpenIddict uses.
        builder.Services.AddScoped(sp => (ClientSecrets)sp.GetRequiredService<
            OpenIddict.Core.OpenIddictApplicationManager<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>>());
        builder.AddPlatformAuthorization(ResourceNames.Identity, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "samverkan.antiforgery");
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidation();
    }
}
