using System.Text;

namespace Samverkan.Testing;

/// <summary>A request body exactly as written: for the malformed and hostile JSON a serializer would never produce.</summary>
public static class RawJson
{
    public static StringContent Of(string body) => new(body, Encoding.UTF8, "application/json");
}
