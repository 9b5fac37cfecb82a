using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.OpenApi;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// The Swedish identifiers the APIs take, as the documents describe them: a pattern a client can check before it
/// sends, a description and an example. The pattern is what a value must look like; the service still checks the
/// rest (Luhn, a real municipality) and answers 400 naming the field. Found by the property's attribute where the
/// platform has one (<see cref="MunicipalityCodeAttribute"/>), otherwise by the JSON name every API uses for it.
/// </summary>
internal static class SwedishStrings
{
    private sealed record Known(string Pattern, string Description, string Example);

    private static readonly Known MunicipalityCode = new(
        Municipalities.Pattern,
        "SCB kommunkod: four digits, one of Sweden's 290 municipalities (0180 Stockholm, 1480 Göteborg).",
        "0880");

    private static readonly Dictionary<string, Known> ByJsonName = new(StringComparer.Ordinal)
    {
        ["organisationNumber"] = new(
            OrganisationNumber.Pattern,
            "Organisationsnummer: ten digits, NNNNNN-NNNN or NNNNNNNNNN, with a valid check digit; the third digit is at least 2.",
            "556016-0680"),
        ["personalIdentityNumber"] = new(
            @"^(\d{2})?\d{6}[-+]?\d{4}$",
            "Personnummer or samordningsnummer: YYMMDD-NNNN, YYMMDD+NNNN (100 years or older), YYYYMMDD-NNNN or without separator, "
            + "with a valid check digit. Sent in request bodies only, never in a path or query string; never returned.",
            "19900101-0017"),
        ["municipalityCode"] = MunicipalityCode,
    };

    public static void Describe(OpenApiSchema schema, JsonPropertyInfo? property)
    {
        if (property is null)
            return;
        var byAttribute = property.AttributeProvider?.IsDefined(typeof(MunicipalityCodeAttribute), inherit: true) == true ? MunicipalityCode : null;
        var known = byAttribute ?? ByJsonName.GetValueOrDefault(property.Name);
        if (known is null)
            return;

        if (property.PropertyType == typeof(string))
        {
            schema.Pattern ??= known.Pattern;
            schema.Examples ??= [JsonValue.Create(known.Example)];
        }
        else if (schema.Items is OpenApiSchema items)
        {
            items.Pattern ??= known.Pattern;
        }
        schema.Description ??= known.Description;
    }
}
