using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Samverkan.Web.Workspaces.Caseworker;

/// <summary>
/// A posted form whose inputs are named as the API's JSON fields, turned into the request body as the person typed
/// it: an empty input is left out, everything else goes to the API as text, which validates and names the field
/// (a date that is not a date, a number that is not a number). The UI does not repeat the API's rules.
/// </summary>
public sealed class PostedForm(IFormCollection? form)
{
    public static readonly PostedForm Empty = new(null);

    public string? this[string name] => form is not null && form.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public IReadOnlyList<string> All(string name) =>
        form is not null && form.TryGetValue(name, out var v) ? [.. v.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)] : [];

    public bool Has(string name, string value) => All(name).Contains(value, StringComparer.Ordinal);

    /// <summary>The body: each named field with a value, as text; <paramref name="lists"/> as arrays, <paramref name="flags"/> as booleans.</summary>
    public JsonObject Body(IEnumerable<string> fields, IEnumerable<string>? lists = null, IEnumerable<string>? flags = null, IEnumerable<string>? numbers = null)
    {
        var body = new JsonObject();
        foreach (var field in fields)
            if (this[field]?.Trim() is { Length: > 0 } value)
                body[field] = value;
        foreach (var list in lists ?? [])
            if (All(list) is { Count: > 0 } values)
                body[list] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        foreach (var flag in flags ?? [])
            body[flag] = this[flag]?.Trim() switch
            {
                "true" => true,
                "false" => false,
                null or "" => null,
                var other => other, // not a boolean: the API says so, naming the field
            };
        foreach (var number in numbers ?? [])
            if (this[number]?.Trim() is { Length: > 0 } value)
                body[number] = Number(value);
        return body;
    }

    /// <summary>
    /// A number as a Swede writes it (decimal comma, spaces) sent as a JSON number; anything else as the text it was,
    /// for the API to refuse with its own message.
    /// </summary>
    public static JsonNode Number(string text)
    {
        var normal = text.Replace(" ", "", StringComparison.Ordinal).Replace('\u00a0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(normal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(d)
            : JsonValue.Create(text)!;
    }
}
