using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Xunit;

namespace Samverkan.Testing;

/// <summary>
/// A real service in-process (its own Program), on a fresh database of its own and the real broker, with
/// tokens from the real identity service (<see cref="IdentityProcess"/>). Each service's integration tests derive one
/// and add their own settings.
/// </summary>
public abstract class ServiceApiFactory<TEntryPoint>(string databaseResource) : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    protected Infrastructure Infra { get; private set; } = null!;
    protected string Database { get; private set; } = "";
    public IdentityProcess Identity { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Infra = await Infrastructure.GetAsync();
        Identity = await IdentityProcess.GetAsync();
        Database = await Infra.CreateDatabaseAsync(databaseResource.Replace("db", "", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{databaseResource}", Database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", Infra.RabbitMqConnectionString);
        builder.UseSetting("Auth:Authority", Identity.Authority.ToString());
    }

    public HttpClient ClientFor(string role, Guid? agency = null)
    {
        return CreateDefaultClient(Identity.Tokens.Handler(role, agency ?? Guid.NewGuid()));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Infra.DropDatabaseAsync(Database);
    }
}
