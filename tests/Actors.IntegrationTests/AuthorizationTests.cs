using System.Net;
using System.Net.Http.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>The service checks tokens itself: a caller that bypasses the gateway gets no further.</summary>
public sealed class AuthorizationTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private static readonly object ValidActor = new { name = "Test AB", organisationNumber = "556016-0680", sector = "business", kind = "employer" };

    [Fact]
    public async Task No_token_is_401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/actors", ValidActor);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_401()
    {
        var client = factory.CreateClient();
        var forged = DevTokens.Create(new JwtSettings { SigningKey = "some-other-key-that-is-long-enough-0123456789" }, Roles.Admin, Guid.NewGuid().ToString());
        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/actors")).StatusCode);
    }

    [Fact]
    public async Task Employer_role_may_not_register_actors_403()
    {
        var response = await factory.ClientFor(Roles.Employer).PostAsJsonAsync("/api/actors", ValidActor);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_role_is_403_even_for_reading()
    {
        var response = await factory.ClientFor("nobody").GetAsync("/api/actors");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
