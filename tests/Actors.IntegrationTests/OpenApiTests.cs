using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

public sealed class OpenApiTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Fact]
    public async Task Every_resource_is_documented() => await OpenApiCoverage.AssertEveryApiRouteIsDocumentedAsync(factory);
}
