using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>The real Actors service in-process, on its own fresh database and the real broker.</summary>
public sealed class ActorsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JwtSettings Auth = new() { SigningKey = "actors-integration-tests-signing-key-0123456789" };
    private string _database = "";
    private Samverkan.Testing.Infrastructure _infra = null!;

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("actors");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.ActorsDb}", _database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", _infra.RabbitMqConnectionString);
        builder.UseSetting("Auth:SigningKey", Auth.SigningKey);
    }

    public HttpClient ClientFor(string role, Guid? agency = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", DevTokens.Create(Auth, role, (agency ?? Guid.NewGuid()).ToString()));
        return client;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _infra.DropDatabaseAsync(_database);
    }
}
