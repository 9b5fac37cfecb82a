using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Rejects a NUL character (\u0000) in any JSON string, dictionary keys included. PostgreSQL cannot store it in
/// text or jsonb, so it used to pass validation and fail at SaveChanges with a 500; thrown here it becomes the usual
/// 400 naming the field (<see cref="BadRequestExceptionHandler"/> reads the path). Nothing legitimate contains it.
/// Part of <see cref="JsonConventions"/>, so request bodies, messages and jsonb columns all refuse it alike.
/// Query strings do not pass through JSON: <see cref="NulQueryGuard"/> covers them.
/// </summary>
public sealed class NoNulStringConverter : JsonConverter<string>
{
    public const string Error = "The text contains a NUL character (\\u0000).";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    public static bool HasNul(string? value) => value is not null && value.Contains('\0');

    private static string? Checked(string? value) => HasNul(value) ? throw new JsonException(Error) : value;
}
