using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>An example body of an endpoint's request, declared beside the endpoint (<see cref="RequestExamples.WithRequestExample"/>).</summary>
public sealed record RequestExample(JsonNode Body);

/// <summary>
/// Examples of the main requests in the OpenAPI documents: what an agency's developer copies for a first call. The
/// example is serialised with the APIs' own JSON conventions (camelCase, kebab-case enums), so it is what the API takes.
/// </summary>
public static class RequestExamples
{
    private static readonly JsonSerializerOptions Json = JsonConventions.Create();

    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, object example) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestExample(JsonSerializer.SerializeToNode(example, Json)!));

    internal static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken _)
    {
        var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().FirstOrDefault();
        if (example is not null && operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json))
            json.Example = example.Body.DeepClone();
        return Task.CompletedTask;
    }
}
