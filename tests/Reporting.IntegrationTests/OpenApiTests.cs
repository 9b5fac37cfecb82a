using System.Net.Http.Json;
using System.Text.Json;

namespace Samverkan.Reporting.IntegrationTests;

public sealed class OpenApiTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    [Fact]
    public async Task The_collaboration_summary_is_documented_with_its_query_parameters()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var get = document.GetProperty("paths").GetProperty("/api/reports/collaborations/{id}/summary").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        foreach (var name in new[] { "id", "asOf", "lang", "publication", "format" })
            Assert.Contains(name, parameters);
    }
}
