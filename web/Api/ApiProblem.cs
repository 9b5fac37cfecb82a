using System.Net;
using System.Text.Json;

namespace Samverkan.Web.Api;

/// <summary>
/// What went wrong with a call to the platform, in a form a page can show: a message a person understands and, for
/// a 400, the API's own messages per field (the same the API gives any caller), to put next to the field they concern.
/// Never a stack trace: the services answer RFC 9457 problem details, and anything else becomes a plain message.
/// </summary>
public sealed class ApiProblem
{
    public required HttpStatusCode Status { get; init; }
    /// <summary>In Swedish, for the page's message area.</summary>
    public required string Message { get; init; }
    /// <summary>The API's detail, when it gave one (English, from the service): shown under the message.</summary>
    public string? Detail { get; init; }
    /// <summary>Field (as the API names it, camelCase, dotted for nested) → the API's messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The messages for one field, or for any of its nested fields (<c>targets</c> finds <c>targets.participants.total</c>).</summary>
    public IReadOnlyList<string> For(string field) =>
        [.. Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)
                              || e.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)
                              || e.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value)];

    /// <summary>Messages whose field no form field on the page claims, so that none is lost.</summary>
    public IEnumerable<string> Unclaimed(IEnumerable<string> fields)
    {
        var claimed = fields.ToList();
        return Errors.Where(e => !claimed.Any(f => string.Equals(e.Key, f, StringComparison.OrdinalIgnoreCase)
                                                   || e.Key.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase)
                                                   || e.Key.StartsWith(f + "[", StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => e.Value.Select(m => e.Key.Length > 0 ? $"{e.Key}: {m}" : m));
    }

    public static ApiProblem From(HttpStatusCode status, string? body)
    {
        string? detail = null;
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()
                        : root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                        foreach (var field in e.EnumerateObject())
                            errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                                ? [.. field.Value.EnumerateArray().Select(m => m.ToString())]
                                : [field.Value.ToString()];
                }
            }
            catch (JsonException)
            {
                // Not problem details (a proxy's page, say): the status alone says enough, the body is not for people.
            }
        }
        return new ApiProblem { Status = status, Message = MessageFor(status, errors.Count > 0), Detail = detail, Errors = errors };
    }

    public static ApiProblem Unreachable() => new()
    {
        Status = HttpStatusCode.ServiceUnavailable,
        Message = "Tjänsten svarar inte just nu. Försök igen om en stund; inget av det du skrev har sparats.",
    };

    internal static string MessageFor(HttpStatusCode status, bool hasFieldErrors) => status switch
    {
        HttpStatusCode.BadRequest when hasFieldErrors => "Uppgifterna behöver rättas. Se meddelandena vid fälten.",
        HttpStatusCode.BadRequest => "Uppgifterna kunde inte tas emot.",
        HttpStatusCode.Unauthorized => "Din inloggning har gått ut. Logga in igen.",
        HttpStatusCode.Forbidden => "Du har inte behörighet att göra detta.",
        HttpStatusCode.NotFound => "Det du söker finns inte, eller så har du inte tillgång till det.",
        HttpStatusCode.Conflict => "Det går inte just nu, eftersom det krockar med något som redan finns.",
        HttpStatusCode.PreconditionFailed or HttpStatusCode.PreconditionRequired =>
            "Någon annan har ändrat uppgifterna sedan du öppnade sidan. Ladda om sidan och försök igen.",
        HttpStatusCode.UnprocessableEntity => "Uppgifterna kunde inte behandlas.",
        HttpStatusCode.TooManyRequests => "För många anrop just nu. Vänta några sekunder och försök igen.",
        _ when (int)status >= 500 => "Något gick fel hos tjänsten. Försök igen om en stund.",
        _ => $"Anropet misslyckades ({(int)status}).",
    };
}
