using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Mints tokens signed with the configured key: for local use (AppHost's <c>token</c> command), tests and
/// benchmarks. A real token server replaces this in a later issue; validation does not change.
/// </summary>
public static class DevTokens
{
    public static string Create(JwtSettings settings, string role, string agency, TimeSpan? lifetime = null, string? subject = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(8)),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, subject ?? $"{role}@{agency}"),
                new Claim(SamverkanClaims.Role, role),
                new Claim(SamverkanClaims.Agency, agency),
            ]),
            SigningCredentials = new SigningCredentials(settings.GetSigningKey(), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
