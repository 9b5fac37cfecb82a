using System.Net;
using System.Net.Http.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

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
    public async Task Token_signed_with_a_key_not_in_the_authoritys_JWKS_is_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            ForgedTokens.WithForeignKey(factory.Identity.Authority, "actors", Roles.Operator, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/actors")).StatusCode);
    }

    [Fact]
    public async Task Token_signed_with_a_shared_secret_is_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            ForgedTokens.WithSharedSecret(factory.Identity.Authority, "actors", Roles.Operator, Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/actors")).StatusCode);
    }

    [Fact]
    public async Task Token_meant_for_another_API_is_401()
    {
        var (id, secret) = await factory.Identity.Tokens.RegisterAsync(Roles.Coordinator, Guid.NewGuid(), ["reporting.read"]);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await factory.Identity.Tokens.TokenAsync(id, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/actors")).StatusCode);
    }

    [Fact]
    public async Task A_read_scope_reads_but_does_not_write_403()
    {
        var (id, secret) = await factory.Identity.Tokens.RegisterAsync(Roles.Coordinator, Guid.NewGuid(), ["actors.read"]);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await factory.Identity.Tokens.TokenAsync(id, secret));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/actors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/actors", ValidActor)).StatusCode);
    }

    [Fact]
    public async Task Employer_role_may_not_register_actors_403()
    {
        var response = await factory.ClientFor(Roles.Employer).PostAsJsonAsync("/api/actors", ValidActor);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task No_client_can_be_registered_with_an_unknown_role()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.Identity.Tokens.RegisterAsync("nobody", Guid.NewGuid()));
        Assert.Contains("400", error.Message);
    }
}
