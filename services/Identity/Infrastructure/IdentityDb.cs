using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Samverkan.Identity.Model;

namespace Samverkan.Identity.Infrastructure;

/// <summary>
/// People (ASP.NET Core Identity's user tables, with external sign-in links) and OpenIddict's applications,
/// authorizations, scopes and tokens, in the identity service's own database.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityUserContext<PlatformUser, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<PlatformUser>(user =>
        {
            user.Property(u => u.Role).HasMaxLength(32);
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasIndex(u => u.AgencyId);
        });
    }
}
