using Samverkan.Testing;

namespace Samverkan.Identity.IntegrationTests;

/// <summary>Production does not start with what a development run leaves behind.</summary>
public sealed class StartUpRefusalTests
{
    [Fact]
    public async Task Production_refuses_a_database_with_demo_accounts()
    {
        var infra = await Samverkan.Testing.Infrastructure.GetAsync();
        var database = await infra.CreateDatabaseAsync("identity_demo");
        try
        {
            await using (var development = await IdentityProcess.StartNewAsync(new Dictionary<string, string>
                         {
                             ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ConnectionStrings__identitydb"] = database,
                             ["Identity__Demo__Password"] = "demo-lösen-" + Guid.NewGuid().ToString("N")[..10],
                         }))
            {
                // Started: the demo accounts are seeded before the service answers.
            }

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => IdentityProcess.StartNewAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__identitydb"] = database,
            }));

            Assert.Contains("Demo accounts", error.Message);
        }
        finally
        {
            await infra.DropDatabaseAsync(database);
        }
    }
}
