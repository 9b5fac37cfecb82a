using System.Net.Http.Json;
using System.Text.Json;

namespace Samverkan.Actors.IntegrationTests;

public sealed class OpenApiTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Fact]
    public async Task Every_resource_is_documented()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/actors/{id}", paths);
        Assert.Contains("/api/collaborations/{id}", paths);
        Assert.Contains("/api/collaborations/{id}/members/{actorId}", paths);
        Assert.Contains("/api/collaborations/{collaborationId}/agreements/{id}/sign", paths);
    }
}
