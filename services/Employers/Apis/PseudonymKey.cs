using System.Security.Cryptography;
using System.Text;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Employers.Apis;

/// <summary>
/// The key for employers' pseudonyms: <c>Employers:PseudonymKey</c> when configured (set it in production, kept
/// apart from the database), else derived from the token signing key so that pseudonyms stay stable across
/// restarts without another secret to hand out in development and tests.
/// </summary>
public sealed class PseudonymKey
{
    public PseudonymKey(IConfiguration configuration, JwtSettings jwt)
    {
        var configured = configuration["Employers:PseudonymKey"];
        var secret = string.IsNullOrWhiteSpace(configured) ? "employers-pseudonyms:" + jwt.SigningKey : configured;
        Bytes = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    public byte[] Bytes { get; }
}
