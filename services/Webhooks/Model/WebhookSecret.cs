using System.Security.Cryptography;

namespace Samverkan.Webhooks.Model;

/// <summary>
/// An endpoint's signing secret in the Standard Webhooks form: <c>whsec_</c> and the base64 of the key bytes. The
/// receiver's libraries (standardwebhooks, svix) take the secret exactly as shown, strip the prefix and HMAC with the
/// decoded bytes, so the bytes signed with are the decoded ones, never the text.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    /// <summary>Key length in bytes: 24 to 64 is what Standard Webhooks asks for; 32 matches HMAC-SHA256's block of output.</summary>
    private const int KeyBytes = 32;

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The key bytes of a secret as shown (<c>whsec_…</c>).</summary>
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
