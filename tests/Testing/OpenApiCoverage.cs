using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Samverkan.Testing;

/// <summary>
/// "Every resource is documented", measured against the routes the app really registers (its
/// <see cref="EndpointDataSource"/>) rather than a list a test author remembered: a new endpoint that is left out of
/// the OpenAPI document, or a document entry with no endpoint behind it, fails the test. Every route under /api counts,
/// whatever its metadata says: hiding one from the description is exactly what this is to catch.
/// </summary>
public static partial class OpenApiCoverage
{
    public static async Task AssertEveryApiRouteIsDocumentedAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "put" or "post" or "delete" or "patch")
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var registered = factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {OpenApiPath(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        Assert.NotEmpty(registered);
        Assert.True(registered.IsSubsetOf(documented), "Registered but not documented:\n" + string.Join("\n", registered.Except(documented).Order()));
        var unserved = documented.Where(d => d.Contains(" /api/", StringComparison.Ordinal)).Except(registered).Order().ToList();
        Assert.True(unserved.Count == 0, "Documented but not registered:\n" + string.Join("\n", unserved));
    }

    /// <summary>"api/x/{id:guid}/{page?}" as OpenAPI writes it: "/api/x/{id}/{page}"; a group's "api/x/" is "/api/x".</summary>
    private static string OpenApiPath(string routePattern) =>
        "/" + Parameter().Replace(routePattern.Trim('/'), m => "{" + m.Groups["name"].Value + "}");

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
