using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// The wire names of an enum, the one table both JSON (<see cref="StrictEnumConverter"/>) and query strings use:
/// kebab-case ("civil-society"), or the <see cref="JsonStringEnumMemberNameAttribute"/> where one is given
/// ("18-24"). Minimal APIs bind enum query parameters with <c>Enum.TryParse</c>, which knows only the C# names,
/// so filters take a string and come here; an unknown value is reported against the parameter's name.
/// </summary>
public static class KebabCaseEnum
{
    public static bool TryParse<TEnum>(string? value, out TEnum? result) where TEnum : struct, Enum
    {
        result = null;
        if (string.IsNullOrEmpty(value))
            return true; // no filter
        if (!WireNames<TEnum>.ByName.TryGetValue(value, out var found))
            return false;
        result = found;
        return true;
    }

    /// <summary>The wire name; an undefined value (a number) is spelt as before, for labels built from stored data.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        WireNames<TEnum>.ByValue.TryGetValue(value, out var name) ? name : JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Expected<TEnum>() where TEnum : struct, Enum => WireNames<TEnum>.Expected;

    /// <summary>Every wire name, in declaration order (the OpenAPI documents list them).</summary>
    public static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Distinct().Select(v => WireNames<TEnum>.ByValue[v]);

    internal static class WireNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, NameOf);

        // Ordinal: only the documented spelling is a value ("Civil-Society" and the C# name "CivilSociety" are not).
        public static readonly FrozenDictionary<string, TEnum> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly string Expected = "Expected one of: " + string.Join(", ", Enum.GetValues<TEnum>().Distinct().Select(v => ByValue[v])) + ".";

        private static string NameOf(TEnum value)
        {
            var member = typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
            return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                   ?? JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
        }
    }
}
