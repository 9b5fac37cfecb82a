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
    /// <summary>
    /// JWT bearer validation (issuer, audience, key from configuration) and the role policies. The gateway
    /// and every service call this, so a token is checked at the edge and again where the data lives.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(JwtSettings.Section).Get<JwtSettings>() ?? new JwtSettings();
        if (string.IsNullOrWhiteSpace(settings.SigningKey) && builder.Environment.IsDevelopment())
            settings.SigningKey = JwtSettings.DevelopmentSigningKey;
        builder.Services.AddSingleton(settings);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.GetSigningKey(),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "sub",
                    RoleClaimType = SamverkanClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser()
                .RequireClaim(SamverkanClaims.Agency)
                .RequireClaim(SamverkanClaims.Role, Roles.All))
            .AddPolicy(Policies.AgencyStaff, p => p.RequireAuthenticatedUser()
                .RequireClaim(SamverkanClaims.Agency)
                .RequireRole(Roles.Caseworker, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Coordinator, p => p.RequireAuthenticatedUser()
                .RequireClaim(SamverkanClaims.Agency)
                .RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(SamverkanClaims.Agency).RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Policies.Operator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Operator));

        return builder;
    }

    /// <summary>The caller's actor id from the <c>agency</c> claim, or null when the token has none.</summary>
    public static Guid? GetAgencyId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SamverkanClaims.Agency), out var id) ? id : null;

    public static string? GetRole(this ClaimsPrincipal user) => user.FindFirstValue(SamverkanClaims.Role);
}
