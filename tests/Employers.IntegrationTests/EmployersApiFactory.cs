using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>The real Employers service in-process, on its own fresh database and the real broker.</summary>
public sealed class EmployersApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JwtSettings Auth = new() { SigningKey = "employers-integration-tests-signing-key-0123456789" };
    private string _database = "";
    private Samverkan.Testing.Infrastructure _infra = null!;

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("employers");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.EmployersDb}", _database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", _infra.RabbitMqConnectionString);
        builder.UseSetting("Auth:SigningKey", Auth.SigningKey);
        builder.UseSetting("Employers:ContactWindowDays", "14");
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
