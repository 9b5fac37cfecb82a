using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Enums as their documented wire names only (<see cref="KebabCaseEnum"/>). The framework's
/// <c>JsonStringEnumConverter</c> also took the C# name in any casing ("CivilSociety", "civilsociety"), leading
/// spaces, and comma lists ("public, private") that made an undefined value of an enum that is no set of flags.
/// Anything else is a <see cref="JsonException"/> listing the accepted names, which the 400 reports against the field.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new JsonException(KebabCaseEnum.Expected<TEnum>());

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(NameOf(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(NameOf(value));

        private static TEnum Parse(string? name) =>
            name is not null && KebabCaseEnum.WireNames<TEnum>.ByName.TryGetValue(name, out var value)
                ? value
                : throw new JsonException(KebabCaseEnum.Expected<TEnum>());

        // An undefined value is a bug on our side: refuse to write it rather than invent a name.
        private static string NameOf(TEnum value) =>
            KebabCaseEnum.WireNames<TEnum>.ByValue.TryGetValue(value, out var name)
                ? name
                : throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}.");
    }
}
