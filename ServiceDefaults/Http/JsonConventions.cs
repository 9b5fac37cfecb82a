using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// One JSON shape for the whole platform: camelCase properties, enums as kebab-case strings
/// ("civil-society"), and no integer stand-ins for enums, so "sector": 7 is rejected instead of
/// silently becoming an undefined value.
/// </summary>
public static class JsonConventions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
