using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// Moves the enums of lists (<see cref="WireTypeSchemas"/> writes them inline) into components and refers to them, so a
/// generated client has one <c>TargetGroup</c> type rather than one per list that holds it. Done on the finished
/// document: components cannot be added while the generator is still building them.
/// </summary>
internal sealed class EnumComponents : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } components)
            return Task.CompletedTask;
        foreach (var component in components.Values.ToList())
            if (component is OpenApiSchema { Properties: { } properties })
                foreach (var property in properties.Values)
                    if (property is OpenApiSchema { Items: OpenApiSchema { Metadata: { } metadata } items } list
                        && metadata.TryGetValue(WireTypeSchemas.EnumTypeMetadata, out var name) && name is string enumName)
                    {
                        components.TryAdd(enumName, items);
                        list.Items = new OpenApiSchemaReference(enumName, document);
                    }
        return Task.CompletedTask;
    }
}
