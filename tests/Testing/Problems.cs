using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Samverkan.Testing;

/// <summary>Reading RFC 9457 problem details and asserting that a 400 names the field at fault, as every service promises.</summary>
public static class Problems
{
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The field is a key of <c>errors</c>, not merely mentioned somewhere in the text.</summary>
    public static void AssertNamesField(JsonElement problem, string field) =>
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"errors should name '{field}': {problem}");

    public static async Task AssertBadRequestNaming(HttpResponseMessage response, string field)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
            $"expected 400 naming '{field}', got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        AssertNamesField(await response.ProblemAsync(), field);
    }
}
