using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Apis;

/// <summary>
/// The serializer settings reports are written with: the service's own, and for the regional view (290
/// municipalities × 60 cells and shares) the same with lean cells, see <see cref="LeanCellConverter"/>.
/// </summary>
public sealed class ReportJson(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public JsonSerializerOptions Default { get; } = json.Value.SerializerOptions;

    public JsonSerializerOptions LeanCells { get; } = new(json.Value.SerializerOptions)
    {
        Converters = { new LeanCellConverter(), new LeanShareConverter() },
    };

    /// <summary>Said in the regional view's OpenAPI description.</summary>
    public const string LeanCellsDescription =
        " Cells and shares carry only their number (count, percent) when it is shown as it is; display text and " +
        "suppressed: true appear where a value is hidden (\"<5\") or absent (\"–\").";
}

/// <summary>
/// A <see cref="Cell"/> as <c>{"count": 12}</c> when it is shown (its display text would only repeat the number),
/// and with its display text and flag, <c>{"display": "&lt;5", "suppressed": true}</c>, when hidden (no count).
/// </summary>
internal sealed class LeanCellConverter : JsonConverter<Cell>
{
    public override Cell Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (count, display, suppressed) = LeanJson.ReadObject(ref reader, options, "Count");
        var n = count is { } c ? (int)c : (int?)null;
        return new Cell(n, display ?? n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", suppressed);
    }

    public override void Write(Utf8JsonWriter writer, Cell value, JsonSerializerOptions options) =>
        LeanJson.Write(writer, options, "Count", value.Count, value.Display, value.Suppressed);
}

/// <summary>A <see cref="Share"/> as <c>{"percent": 57.1}</c> when shown; in full when hidden or absent ("–").</summary>
internal sealed class LeanShareConverter : JsonConverter<Share>
{
    public override Share Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (percent, display, suppressed) = LeanJson.ReadObject(ref reader, options, "Percent");
        return percent is { } p && !suppressed && display is null ? Share.Shown(p) : new Share(percent, display ?? "", suppressed);
    }

    public override void Write(Utf8JsonWriter writer, Share value, JsonSerializerOptions options) =>
        LeanJson.Write(writer, options, "Percent", value.Percent, value.Display, value.Suppressed);
}

internal static class LeanJson
{
    private static string Name(JsonSerializerOptions options, string name) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;

    /// <summary>
    /// Property names converted and encoded once per options: a regional view writes ~20,000 cells and shares, and
    /// converting each name per cell allocated a string every time.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, Dictionary<string, JsonEncodedText>> Encoded = new();

    private static JsonEncodedText EncodedName(JsonSerializerOptions options, string name)
    {
        var names = Encoded.GetValue(options, _ => []);
        lock (names)
        {
            if (!names.TryGetValue(name, out var encoded))
                names[name] = encoded = JsonEncodedText.Encode(Name(options, name), options.Encoder);
            return encoded;
        }
    }

    /// <summary>The number alone when it is shown as it is; otherwise the display text and flag (and no null number).</summary>
    public static void Write(Utf8JsonWriter writer, JsonSerializerOptions options, string numberName, decimal? number, string display, bool suppressed)
    {
        writer.WriteStartObject();
        if (number is { } n)
            writer.WriteNumber(EncodedName(options, numberName), n);
        else if (options.DefaultIgnoreCondition == JsonIgnoreCondition.Never)
            writer.WriteNull(EncodedName(options, numberName)); // as the serializer would: absent under the platform's WhenWritingNull
        if (suppressed || number is null)
        {
            writer.WriteString(EncodedName(options, "Display"), display);
            if (suppressed)
                writer.WriteBoolean(EncodedName(options, "Suppressed"), true);
        }
        writer.WriteEndObject();
    }

    public static (decimal? Number, string? Display, bool Suppressed) ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options, string numberName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Expected an object.");
        decimal? number = null;
        string? display = null;
        var suppressed = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            if (string.Equals(property, Name(options, numberName), StringComparison.OrdinalIgnoreCase))
                number = reader.TokenType == JsonTokenType.Null ? null : reader.GetDecimal();
            else if (string.Equals(property, Name(options, "Display"), StringComparison.OrdinalIgnoreCase))
                display = reader.GetString();
            else if (string.Equals(property, Name(options, "Suppressed"), StringComparison.OrdinalIgnoreCase))
                suppressed = reader.GetBoolean();
            else
                reader.Skip();
        }
        return (number, display, suppressed);
    }
}
