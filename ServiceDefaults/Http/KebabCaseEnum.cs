using System.Text.Json;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Parses enum values in query strings the way they travel in JSON ("civil-society"). Minimal APIs bind
/// enum query parameters with <c>Enum.TryParse</c>, which knows only the C# names, so filters take a
/// string and come here; an unknown value is reported against the parameter's name.
/// </summary>
public static class KebabCaseEnum
{
    public static bool TryParse<TEnum>(string? value, out TEnum? result) where TEnum : struct, Enum
    {
        result = null;
        if (string.IsNullOrEmpty(value))
            return true; // no filter
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Name(candidate), value, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }
        return false;
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Expected<TEnum>() where TEnum : struct, Enum =>
        "Expected one of: " + string.Join(", ", Enum.GetValues<TEnum>().Select(v => Name(v))) + ".";
}
