using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

[Collection(PlatformCollection.Name)]
public sealed class GatewayTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/api/actors")]
    [InlineData("/api/participants/actors")]
    [InlineData("/api/employers/actors")]
    [InlineData("/api/reports/actors-by-sector")]
    public async Task No_token_is_401_at_the_gateway(string path)
    {
        var response = await platform.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_the_identity_service_did_not_sign_is_401_at_the_gateway()
    {
        using var client = platform.Platform.CreateClient();
        var issuer = new Uri(platform.Platform.Gateway.ToString().TrimEnd('/') + "/");
        foreach (var forged in new[]
                 {
                     ForgedTokens.WithForeignKey(issuer, "actors", Roles.Operator, Guid.NewGuid()),
                     ForgedTokens.WithSharedSecret(issuer, "actors", Roles.Operator, Guid.NewGuid()),
                 })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", forged);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/actors")).StatusCode);
        }
    }

    [Fact]
    public async Task An_employer_token_passes_the_gateway_but_the_service_refuses_to_register_actors()
    {
        var response = await platform.ClientFor(Roles.Employer).PostAsJsonAsync("/api/actors", new
        {
            name = "Test AB", organisationNumber = "556016-0680", sector = "business", kind = "employer",
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_enum_value_through_the_gateway_is_400_naming_the_field()
    {
        var response = await platform.ClientFor(Roles.Caseworker).PostAsync("/api/actors", new StringContent(
            """{"name":"X","organisationNumber":"556016-0680","sector":"galaxy","kind":"employer"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("sector", out _), problem.ToString());
    }

    [Fact]
    public async Task Health_reports_every_service_healthy()
    {
        var response = await platform.Anonymous.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var service in new[] { "actors", "participants", "employers", "reporting" })
            Assert.Equal("Healthy", body.GetProperty("services").GetProperty(service).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("actors", "/api/actors")]
    [InlineData("participants", "/api/participants/actors")]
    [InlineData("employers", "/api/employers/actors")]
    [InlineData("reporting", "/api/reports/actors-by-sector")]
    public async Task Each_services_OpenAPI_document_is_served_through_the_gateway(string service, string path)
    {
        var document = await platform.Anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"{service} documents {path}");
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        var response = await platform.Anonymous.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
