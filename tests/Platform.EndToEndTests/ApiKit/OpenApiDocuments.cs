using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Samverkan.Platform.EndToEndTests.ApiKit;

/// <summary>A service's OpenAPI document as the gateway serves it, and a walk over every schema in it.</summary>
internal static class OpenApiDocuments
{
    public static async Task<JsonNode> GetAsync(PlatformFixture platform, string service)
    {
        var text = await platform.Anonymous.GetStringAsync($"/openapi/{service}.json");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException($"/openapi/{service}.json is empty.");
    }

    private static readonly string[] SchemaKeywords = ["type", "$ref", "allOf", "oneOf", "anyOf", "not", "enum", "const"];

    /// <summary>A schema that constrains nothing: a generator can only make it <c>object</c>.</summary>
    public static bool IsEmpty(JsonObject schema) => !SchemaKeywords.Any(schema.ContainsKey) || IsArrayOfNothing(schema);

    /// <summary>An array that says nothing of its items: a generator makes it a list of untyped nodes.</summary>
    private static bool IsArrayOfNothing(JsonObject schema) =>
        !schema.ContainsKey("items") && !schema.ContainsKey("prefixItems") && schema["type"] switch
        {
            JsonValue one => (string?)one == "array",
            JsonArray many => many.Any(t => (string?)t == "array"),
            _ => false,
        };

    /// <summary>Every schema object of the document: components, parameters, bodies and answers, and all they contain.</summary>
    public static List<(string Path, JsonObject Schema)> Schemas(JsonNode document)
    {
        var found = new List<(string, JsonObject)>();
        Walk(document, "#", found);
        return found;
    }

    private static void Walk(JsonNode? node, string path, List<(string, JsonObject)> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPath = $"{path}/{name}";
                    if (name is "schema" or "items" or "additionalProperties" or "not" && child is JsonObject schema)
                        found.Add((childPath, schema));
                    if (name is "properties" or "schemas" && child is JsonObject map && !IsExampleOf(path))
                        foreach (var (key, value) in map)
                            if (value is JsonObject each)
                                found.Add(($"{childPath}/{key}", each));
                    if (name is "allOf" or "oneOf" or "anyOf" && child is JsonArray list)
                        foreach (var (item, i) in list.Select((n, i) => (n, i)))
                            if (item is JsonObject each)
                                found.Add(($"{childPath}/{i}", each));
                    if (name is not ("example" or "examples"))
                        Walk(child, childPath, found);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], $"{path}/{i}", found);
                break;
        }
    }

    private static bool IsExampleOf(string path) => path.EndsWith("/example", StringComparison.Ordinal) || path.Contains("/examples/", StringComparison.Ordinal);
}
