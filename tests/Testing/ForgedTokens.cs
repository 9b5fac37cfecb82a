using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Testing;

/// <summary>
/// Tokens no identity service issued, with every claim a real one has: what an attacker would try. The services
/// must refuse each (401).
/// </summary>
public static class ForgedTokens
{
    /// <summary>Signed with an RSA key of the attacker's own (not in the JWKS).</summary>
    public static string WithForeignKey(Uri issuer, string audience, string role, Guid agency) =>
        Create(issuer, audience, role, agency, new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "sig-forged" }, SecurityAlgorithms.RsaSha256));

    /// <summary>Signed with a shared secret (HS256), as the platform's tokens once were.</summary>
    public static string WithSharedSecret(Uri issuer, string audience, string role, Guid agency) =>
        Create(issuer, audience, role, agency, new SigningCredentials(
            new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), SecurityAlgorithms.HmacSha256));

    private static string Create(Uri issuer, string audience, string role, Guid agency, SigningCredentials credentials)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.ToString(),
            Audience = audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddMinutes(5),
            TokenType = "at+jwt",
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", "attacker"), new Claim(SamverkanClaims.Role, role), new Claim(SamverkanClaims.Agency, agency.ToString()),
                new Claim(SamverkanClaims.Scope, string.Join(' ', ApiResources.AllScopes)),
            ]),
            SigningCredentials = credentials,
        });
    }
}
