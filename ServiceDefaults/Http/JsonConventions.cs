using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// One JSON shape for the whole platform (request bodies, messages, jsonb columns): camelCase properties, enums
/// as their kebab-case wire names only ("civil-society"; not "CivilSociety", not 7, which would silently become an
/// undefined value: <see cref="StrictEnumConverter"/>), and no NUL characters in strings, which PostgreSQL cannot
/// store (<see cref="NoNulStringConverter"/>).
/// </summary>
public static class JsonConventions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new StrictEnumConverter());
        options.Converters.Add(new NoNulStringConverter());
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
