using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>The API's version (ServiceDefaults' ApiVersions): named by the client, assumed when not, reported always.</summary>
public sealed class ApiVersionTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("1.0")]
    [InlineData("1")]
    public async Task The_current_version_answers_whether_named_or_not_and_says_which_versions_it_serves(string? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/actors");
        if (version is not null)
            request.Headers.Add(ApiVersions.Header, version);

        var response = await factory.ClientFor(Roles.Caseworker).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.0", Assert.Single(response.Headers.GetValues("api-supported-versions")));
    }

    [Theory]
    [InlineData("Api-Version", "2.0")]
    [InlineData("Api-Version", "banan")]
    public async Task A_version_the_api_does_not_serve_is_a_400_problem(string header, string version)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/actors");
        request.Headers.Add(header, version);

        var response = await factory.ClientFor(Roles.Caseworker).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(version, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_query_parameter_names_the_version_too()
    {
        var response = await factory.ClientFor(Roles.Caseworker).GetAsync("/api/actors?api-version=3.0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
