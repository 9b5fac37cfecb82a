using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Token validation settings, bound from the <c>Auth</c> configuration section. The signing key is a
/// shared secret until a real token server arrives; the AppHost hands the same values to every process.
/// </summary>
public sealed class JwtSettings
{
    public const string Section = "Auth";

    /// <summary>Used only where no key is configured in Development: never valid outside it.</summary>
    public const string DevelopmentSigningKey = "samverkan-local-development-signing-key-not-for-production-use";

    public string Issuer { get; set; } = "samverkan-dev";
    public string Audience { get; set; } = "samverkan-api";
    public string? SigningKey { get; set; }

    public SymmetricSecurityKey GetSigningKey()
    {
        if (string.IsNullOrWhiteSpace(SigningKey) || SigningKey.Length < 32)
            throw new InvalidOperationException(
                "Auth:SigningKey must be configured with at least 32 characters (environment variable Auth__SigningKey).");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
    }
}
