using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// The error answers every operation can give, as RFC 9457 problem details, derived from what the operation is
/// rather than listed on each endpoint: 400 where it takes input, 401/403 where it needs a token, 404 where the
/// path names a record (also "exists but not yours"), 409 for a conflicting write, 412/428 where a replace needs
/// If-Match (<see cref="ETags"/>), and for a POST the answers of <see cref="Idempotency"/> (409 while the first
/// request runs, 422 for a key reused with another body). An answer the endpoint documents itself is kept.
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        EnsureProblemSchema(document);
        var method = context.Description.HttpMethod?.ToUpperInvariant() ?? "GET";
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var authenticated = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var namesRecord = context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true;
        var takesInput = operation.RequestBody is not null || operation.Parameters is { Count: > 0 };
        var writes = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var replaces = method is "PUT" or "PATCH";

        operation.Responses ??= [];
        if (takesInput)
            Add(operation, document, "400", "Bad input: the problem's errors name each field that is wrong and why.");
        if (authenticated)
        {
            Add(operation, document, "401", "No valid access token for this API (Authorization: Bearer …).");
            Add(operation, document, "403", "The token's role or scope does not allow this.");
        }
        if (namesRecord)
            Add(operation, document, "404", "No such record, or not one the caller's agency may see.");
        if (writes)
            Add(operation, document, "409", "The change conflicts with the record's state, or a request with the same Idempotency-Key is still running.");
        if (replaces)
        {
            Add(operation, document, "412", "If-Match does not match the current ETag: read the record again and reapply the change.");
            Add(operation, document, "428", "If-Match is required: send the ETag of your last read.");
            AddHeader(operation, "If-Match", "The ETag from your last read of the record.", required: true);
        }
        if (method == "POST")
        {
            Add(operation, document, "422", "The Idempotency-Key was used before with another request body.");
            AddHeader(operation, Idempotency.HeaderName,
                "A unique key (a UUID) for this request. A retry with the same key and body within 24 hours gets the first answer again "
                + "(Idempotent-Replayed: true) and changes nothing.",
                required: false);
        }
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        var problem = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        };
        // A bare NotFound or Conflict result documents its status without a body; the answer still has one, made by
        // the status-code pages (MapDefaultEndpoints) from the problem details service.
        if (operation.Responses!.TryGetValue(status, out var declared))
        {
            if (declared is OpenApiResponse { Content: null or { Count: 0 } } bare)
                bare.Content = problem;
            return;
        }
        operation.Responses[status] = new OpenApiResponse { Description = description, Content = problem };
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description, bool required)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            return;
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = required,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Idempotency.MaxKeyLength },
        });
    }

    private static void EnsureProblemSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(ProblemSchema))
            return;
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. A 400 has errors: each field's JSON name and what is wrong with it.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            Examples = [JsonNode.Parse("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"municipalityCode":["Not a Swedish municipality code (SCB kommunkod, four digits, one of 290): '9999'."]}}""")!],
        };
    }
}
