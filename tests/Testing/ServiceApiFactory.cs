using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Xunit;

namespace Samverkan.Testing;

/// <summary>
/// A real service in-process (its own Program), on a fresh database of its own and the real broker, with
/// tokens signed by a test key. Each service's integration tests derive one and add their own settings.
/// </summary>
public abstract class ServiceApiFactory<TEntryPoint>(string databaseResource) : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    public static readonly JwtSettings Auth = new() { SigningKey = "service-integration-tests-signing-key-0123456789" };

    protected Infrastructure Infra { get; private set; } = null!;
    protected string Database { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        Infra = await Infrastructure.GetAsync();
        Database = await Infra.CreateDatabaseAsync(databaseResource.Replace("db", "", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{databaseResource}", Database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", Infra.RabbitMqConnectionString);
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
        await Infra.DropDatabaseAsync(Database);
    }
}
