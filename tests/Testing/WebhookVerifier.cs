using System.Security.Cryptography;
using System.Text;

namespace Samverkan.Testing;

/// <summary>
/// Checks a signature as a receiver would, written from the Standard Webhooks specification and not from the
/// service's code: strip <c>whsec_</c>, base64-decode the key, HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>, and
/// accept if any space-separated <c>v1,</c> entry matches.
/// </summary>
public static class WebhookVerifier
{
    public static bool Verifies(string secret, ReceivedRequest request)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{request.Id}.{request.Timestamp}.{request.Body}")));
        return request.Signature.Split(' ').Any(entry => entry == $"v1,{expected}");
    }
}
