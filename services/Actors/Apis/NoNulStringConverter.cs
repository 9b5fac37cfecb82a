using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.Actors.Apis;

/// <summary>
/// Rejects a NUL character (\u0000) in any JSON string of a request body. PostgreSQL cannot store it in text, so
/// it used to pass validation and fail at SaveChanges with a 500; thrown here it becomes the usual 400 naming the
/// field (ServiceDefaults' BadRequestExceptionHandler reads the path). Nothing legitimate contains it.
/// </summary>
public sealed class NoNulStringConverter : JsonConverter<string>
{
    public const string Error = "The text contains a NUL character (\\u0000).";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Contains('\0'))
            throw new JsonException(Error);
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>For free-text query parameters, which do not pass through JSON.</summary>
    public static bool HasNul(string? value) => value is not null && value.Contains('\0');
}
