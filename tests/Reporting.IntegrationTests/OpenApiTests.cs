using System.Net.Http.Json;
using System.Text.Json;

using Samverkan.Testing;

namespace Samverkan.Reporting.IntegrationTests;

public sealed class OpenApiTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    [Fact]
    public async Task Every_resource_is_documented() => await OpenApiCoverage.AssertEveryApiRouteIsDocumentedAsync(factory);

    [Fact]
    public async Task The_collaboration_summary_is_documented_with_its_query_parameters()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var get = document.GetProperty("paths").GetProperty("/api/reports/collaborations/{id}/summary").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "id", "asOf", "from", "to", "lang", "publication", "format" })
            Assert.Contains(name, parameters);
    }

    [Theory]
    [InlineData("/api/reports/collaborations/{id}/summary")]
    [InlineData("/api/reports/regional")]
    [InlineData("/api/reports/collaborations/{id}/esf-indicators")]
    [InlineData("/api/reports/collaborations/{id}/comparison")]
    [InlineData("/api/reports/employer-engagement")]
    public async Task Every_report_documents_its_shared_query_parameters_and_its_json(string path)
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var get = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (var name in new[] { "asOf", "from", "to", "lang", "publication", "format" })
            Assert.True(parameters.TryGetValue(name, out var parameter) && parameter.TryGetProperty("description", out _), $"{path}: {name} documented");
        var ok = get.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(ok.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out _), $"{path}: its JSON documented");
    }
}
