using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// Types the schemas the generator leaves empty. It builds schemas with System.Text.Json's schema exporter, which
/// says nothing (<c>{}</c>) about a type that has a custom converter: every string (<see cref="NoNulStringConverter"/>)
/// and every enum (<see cref="StrictEnumConverter"/>) of the platform. So strings become <c>string</c>, enums
/// <c>string</c> with their wire names from <see cref="KebabCaseEnum"/> (the one table the converter also reads), and
/// the platform's well-known strings (<see cref="SwedishStrings"/>) get their pattern and description.
/// </summary>
internal sealed class WireTypeSchemas : IOpenApiSchemaTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var nullable = declared != type || IsNullableReference(context);

        if (type.IsEnum && (schema.Enum is null || schema.Enum.Count == 0))
        {
            schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
            schema.Enum = [.. WireNamesOf(type).Select(name => (JsonNode)JsonValue.Create(name))];
        }
        else if (type == typeof(string) && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
        }

        // A list of such a type comes out as an array with no items at all.
        if (context.JsonTypeInfo.ElementType is { } element && schema.Items is null && schema.Type?.HasFlag(JsonSchemaType.Array) == true)
            schema.Items = ItemSchema(Nullable.GetUnderlyingType(element) ?? element);

        if (type == typeof(string) || IsStringList(type))
            SwedishStrings.Describe(schema, context.JsonPropertyInfo);
        return Task.CompletedTask;
    }

    /// <summary>Metadata naming the enum of an item schema, for <see cref="EnumComponents"/>.</summary>
    internal const string EnumTypeMetadata = "samverkan-enum-type";

    private static IOpenApiSchema? ItemSchema(Type element)
    {
        if (element == typeof(string))
            return new OpenApiSchema { Type = JsonSchemaType.String };
        if (!element.IsEnum)
            return null;
        return new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = [.. WireNamesOf(element).Select(n => (JsonNode)JsonValue.Create(n))],
            Metadata = new Dictionary<string, object> { [EnumTypeMetadata] = element.Name },
        };
    }

    private static IEnumerable<string> WireNamesOf(Type enumType) =>
        (IEnumerable<string>)typeof(KebabCaseEnum).GetMethod(nameof(KebabCaseEnum.Names))!.MakeGenericMethod(enumType).Invoke(null, null)!;

    private static bool IsStringList(Type type) =>
        type != typeof(string) && type.IsAssignableTo(typeof(IEnumerable<string>));

    // A property's own annotation ("string?"); a string outside a property (a parameter, a list's item) is not null.
    private static bool IsNullableReference(OpenApiSchemaTransformerContext context) =>
        context.JsonPropertyInfo?.AttributeProvider is PropertyInfo property
        && !property.PropertyType.IsValueType
        && Nullability.Create(property).ReadState == NullabilityState.Nullable;
}
