using System.Security.Cryptography;
using System.Text;

namespace Samverkan.Webhooks.Model;

/// <summary>
/// The Standard Webhooks signature (https://www.standardwebhooks.com/): HMAC-SHA256 with the secret's key bytes over
/// the UTF-8 bytes of <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as <c>v1,</c> and its base64. While a rotated
/// secret is still valid, every valid secret signs and the header carries the signatures space-separated, so a
/// receiver that knows either secret accepts the message.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>Exactly the text signed: the receiver rebuilds it from the two headers and the raw body.</summary>
    public static string SignedContent(string id, long timestamp, string body) => $"{id}.{timestamp}.{body}";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(WebhookSecret.KeyOf(secret), Encoding.UTF8.GetBytes(SignedContent(id, timestamp, body)));
        return "v1," + Convert.ToBase64String(mac);
    }

    /// <summary>The <c>webhook-signature</c> header: one <c>v1,…</c> per secret, space-separated.</summary>
    public static string Header(IEnumerable<string> secrets, string id, long timestamp, string body) =>
        string.Join(' ', secrets.Select(secret => Sign(secret, id, timestamp, body)));
}
