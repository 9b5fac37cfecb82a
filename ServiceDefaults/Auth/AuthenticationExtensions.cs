using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>Asymmetric algorithms only: a token signed with a shared secret (HS256) is refused outright.</summary>
    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
    ];

    /// <summary>
    /// Bearer token validation against the identity service (issuer, audience, lifetime, signature by a key
    /// from its JWKS) and the role policies. The gateway and every service call this, so a token is checked at
    /// the edge and again where the data lives.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthSettings.Section).Get<AuthSettings>() ?? new AuthSettings();
        if (string.IsNullOrWhiteSpace(settings.Authority) || !Uri.TryCreate(settings.Authority, UriKind.Absolute, out _))
            throw new InvalidOperationException(
                "Auth:Authority must be the identity service's issuer URL, for example http://localhost:8080/ (environment variable Auth__Authority). The AppHost sets it.");
        if (settings.Audience is { } audience && !ApiResources.Names.Contains(audience))
            throw new InvalidOperationException($"Auth:Audience '{audience}' is none of the platform's APIs ({string.Join(", ", ApiResources.Names)}).");
        builder.Services.AddSingleton(settings);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = settings.Authority;
                if (!string.IsNullOrWhiteSpace(settings.MetadataAddress))
                    options.MetadataAddress = settings.MetadataAddress;
                options.RequireHttpsMetadata = settings.RequireHttpsMetadata ?? builder.Environment.IsProduction();
                options.MapInboundClaims = false;
                // One handler, which remembers the tokens it found valid (the same token comes with every request of a client).
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new CachingTokenHandler(TimeProvider.System) { MapInboundClaims = false });
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudiences = settings.Audience is { } own ? [own] : ApiResources.Names,
                    ValidAlgorithms = AsymmetricAlgorithms,
                    ValidTypes = ["at+jwt", "JWT"],
                    NameClaimType = "sub",
                    RoleClaimType = SamverkanClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.AddPlatformAuthorization(settings.Audience);
        return builder;
    }

    /// <summary>
    /// The platform's policies (roles, agency claim, and a scope of <paramref name="api"/>), with the tokens of
    /// <paramref name="scheme"/> (the default scheme when null). One place, so every service and the identity
    /// service's own API mean the same by "coordinator".
    /// </summary>
    public static IHostApplicationBuilder AddPlatformAuthorization(this IHostApplicationBuilder builder, string? api, string? scheme = null)
    {
        var scope = new ApiScopeRequirement(api);
        builder.Services.AddSingleton<IAuthorizationHandler, ApiScopeHandler>();
        AuthorizationPolicyBuilder Policy(AuthorizationPolicyBuilder p)
        {
            if (scheme is not null)
                p.AddAuthenticationSchemes(scheme);
            return p.RequireAuthenticatedUser().AddRequirements(scope);
        }
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Authenticated, p => Policy(p)
                .RequireClaim(SamverkanClaims.Agency)
                .RequireClaim(SamverkanClaims.Role, Roles.All))
            .AddPolicy(Policies.AgencyStaff, p => Policy(p)
                .RequireClaim(SamverkanClaims.Agency)
                .RequireRole(Roles.Caseworker, Roles.Coordinator, Roles.Admin, Roles.Operator))
            .AddPolicy(Policies.Coordinator, p => Policy(p)
                .RequireClaim(SamverkanClaims.Agency)
                .RequireRole(Roles.Coordinator, Roles.Admin, Roles.Operator))
            .AddPolicy(Policies.Admin, p => Policy(p)
                .RequireClaim(SamverkanClaims.Agency)
                .RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Policies.Operator, p => Policy(p)
                .RequireRole(Roles.Operator));
        return builder;
    }

    /// <summary>The caller's actor id from the <c>agency</c> claim, or null when the token has none.</summary>
    public static Guid? GetAgencyId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SamverkanClaims.Agency), out var id) ? id : null;

    public static string? GetRole(this ClaimsPrincipal user) => user.FindFirstValue(SamverkanClaims.Role);

    /// <summary>The scopes granted to the token (<c>scope</c>, space-separated as RFC 9068 has it, or one claim each).</summary>
    public static IEnumerable<string> GetGrantedScopes(this ClaimsPrincipal user) =>
        user.FindAll(SamverkanClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
