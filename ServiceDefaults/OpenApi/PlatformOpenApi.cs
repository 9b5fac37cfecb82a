using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.OpenApi;

public static class PlatformOpenApi
{
    private const string BearerScheme = "Bearer";

    /// <summary>
    /// The service's OpenAPI document (<c>/openapi/v1.json</c>, served through the gateway as <c>/openapi/{service}.json</c>),
    /// completed the same way for every service: typed strings and enums (<see cref="WireTypeSchemas"/>), the Swedish
    /// identifiers' patterns (<see cref="SwedishStrings"/>), the error answers (<see cref="ProblemResponses"/>), and the
    /// bearer token every API takes. The documents are what agencies generate their clients from, so a gap here is a
    /// wrong type in their code.
    /// </summary>
    public static IServiceCollection AddPlatformOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<WireTypeSchemas>();
            options.AddOperationTransformer<ProblemResponses>();
            options.AddOperationTransformer(RequestExamples.Apply);
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DeprecatedEndpoint>().FirstOrDefault() is { } deprecated)
                {
                    operation.Deprecated = true;
                    operation.Description = $"Deprecated: use {deprecated.Successor}. Answers until {deprecated.Sunset:yyyy-MM-dd} "
                        + "(Sunset header), then 404. " + operation.Description;
                }
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<EnumComponents>();
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An access token from the identity service (/connect/token): client credentials for an agency's system.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
                return Task.CompletedTask;
            });
        });
}
