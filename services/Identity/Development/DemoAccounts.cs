using Microsoft.AspNetCore.Identity;
using Samverkan.Identity.Model;
using Samverkan.Identity.Server;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Identity.Development;

/// <summary>
/// A development run's demo (<see cref="DemoAgencies"/>): a person in each role of two agencies, an employer's user,
/// the operator, and one system client of the employment service. The password and client secret are made by the
/// AppHost for each run and printed there; nothing secret is in the source.
/// </summary>
public static class DemoAccounts
{
    public static async Task EnsureAsync(ClientSecrets applications, UserManager<PlatformUser> users, string password, string clientSecret,
        IConfiguration configuration, CancellationToken ct)
    {
        foreach (var (email, name, agency, role) in DemoAgencies.People)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new PlatformUser
                {
                    Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true,
                    DisplayName = name, AgencyId = agency, Role = role, IsDemo = true,
                };
                Check(await users.CreateAsync(user, password), email);
            }
            else
            {
                // A new password each run: the one the AppHost printed this time.
                Check(await users.RemovePasswordAsync(user), email);
                Check(await users.AddPasswordAsync(user, password), email);
                await users.SetLockoutEndDateAsync(user, null);
            }
        }
        await AccountSeeding.EnsureSystemClientAsync(applications, DemoAgencies.ClientId, "Demo: Arbetsförmedlingens system",
            new ClientProfile(DemoAgencies.EmploymentService, Roles.Coordinator), ApiResources.AllScopes.Where(s => !s.StartsWith("identity.", StringComparison.Ordinal)),
            clientSecret, demo: true, ct);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
