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
        "suppressed: true appear where a value is hidden (\"<5\": a small count, reason small; \"..\": a complement, " +
        "reason complement) or absent (\"–\"); the report's marks list says which is which.";
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
        LeanJson.WriteCell(writer, options, value.Count, value.Display, value.Suppressed);
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
        LeanJson.WriteShare(writer, options, value.Percent, value.Display, value.Suppressed);
}

internal static class LeanJson
{
    private static string Name(JsonSerializerOptions options, string name) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;

    /// <summary>
    /// Property names converted and encoded once per options: a regional view writes ~20,000 cells and shares, and
    /// converting each name per cell allocated a string every time (and a lookup per name cost a lock).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, Names> Encoded = new();

    private sealed class Names(JsonSerializerOptions options)
    {
        public JsonEncodedText Count { get; } = JsonEncodedText.Encode(Name(options, "Count"), options.Encoder);
        public JsonEncodedText Percent { get; } = JsonEncodedText.Encode(Name(options, "Percent"), options.Encoder);
        public JsonEncodedText Display { get; } = JsonEncodedText.Encode(Name(options, "Display"), options.Encoder);
        public JsonEncodedText Suppressed { get; } = JsonEncodedText.Encode(Name(options, "Suppressed"), options.Encoder);
        public JsonEncodedText Reason { get; } = JsonEncodedText.Encode(Name(options, "Reason"), options.Encoder);
        public bool WritesNulls { get; } = options.DefaultIgnoreCondition == JsonIgnoreCondition.Never;
    }

    private static Names NamesOf(JsonSerializerOptions options) => Encoded.GetValue(options, o => new Names(o));

    /// <summary>A cell: its count alone when it is shown as it is (written as an integer, not through decimal).</summary>
    public static void WriteCell(Utf8JsonWriter writer, JsonSerializerOptions options, int? count, string display, bool suppressed)
    {
        var names = NamesOf(options);
        writer.WriteStartObject();
        if (count is { } n)
            writer.WriteNumber(names.Count, n);
        else if (names.WritesNulls)
            writer.WriteNull(names.Count); // as the serializer would: absent under the platform's WhenWritingNull
        WriteHidden(writer, names, count is null, display, suppressed);
        writer.WriteEndObject();
    }

    /// <summary>A share: its percent alone when it is shown as it is.</summary>
    public static void WriteShare(Utf8JsonWriter writer, JsonSerializerOptions options, decimal? percent, string display, bool suppressed)
    {
        var names = NamesOf(options);
        writer.WriteStartObject();
        if (percent is { } p)
            writer.WriteNumber(names.Percent, p);
        else if (names.WritesNulls)
            writer.WriteNull(names.Percent);
        WriteHidden(writer, names, percent is null, display, suppressed);
        writer.WriteEndObject();
    }

    /// <summary>The display text and flag, where the number alone does not say it all (hidden or absent).</summary>
    private static void WriteHidden(Utf8JsonWriter writer, Names names, bool absent, string display, bool suppressed)
    {
        if (!suppressed && !absent)
            return;
        writer.WriteString(names.Display, display);
        if (suppressed)
        {
            writer.WriteBoolean(names.Suppressed, true);
            writer.WriteString(names.Reason, SuppressionMarks.ReasonOf(display, suppressed));
        }
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
