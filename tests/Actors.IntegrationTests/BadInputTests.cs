using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Bad input is a 400 problem details that names the field, never a 500.</summary>
public sealed class BadInputTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Theory]
    [InlineData("""{"name":"X","organisationNumber":"556016-0680","sector":"public",""", "$")]
    [InlineData("""{"name":"X","sector":"public","kind":"employer"}""", "organisationNumber")]
    [InlineData("""{"organisationNumber":"556016-0680","sector":"public","kind":"employer"}""", "name")]
    [InlineData("""{"name":"X","organisationNumber":"556016-0680","sector":"galaxy","kind":"employer"}""", "sector")]
    [InlineData("""{"name":"X","organisationNumber":"556016-0680","sector":"public","kind":42}""", "kind")]
    [InlineData("""{"name":"X","organisationNumber":"556016-0681","sector":"public","kind":"employer"}""", "organisationNumber")]
    [InlineData("""{"name":"X","organisationNumber":"811218-9876","sector":"public","kind":"employer"}""", "organisationNumber")]
    [InlineData("""{"name":"X","organisationNumber":"556016-0680","sector":"public","kind":"employer","municipalityCode":"12"}""", "municipalityCode")]
    [InlineData("""{"name":"X","organisationNumber":"556016-0680","sector":"public","kind":"employer","municipalityCode":"1299"}""", "municipalityCode")]
    [InlineData("""{"name":"X","organisationNumber":"556016-0680","sector":"public","kind":"employer","contacts":[{"name":"A","email":"nope"}]}""", "contacts[0].email")]
    public async Task Bad_body_is_400_problem_details_naming_the_field(string body, string field)
    {
        var response = await factory.ClientFor(Roles.Caseworker)
            .PostAsync("/api/actors", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
    }

    [Fact]
    public async Task Unknown_enum_in_a_query_filter_is_400()
    {
        var response = await factory.ClientFor(Roles.Caseworker).GetAsync("/api/actors?sector=galaxy");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
