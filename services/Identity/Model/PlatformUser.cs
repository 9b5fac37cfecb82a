using Microsoft.AspNetCore.Identity;

namespace Samverkan.Identity.Model;

/// <summary>
/// A person who signs in: staff of one agency (caseworker, coordinator, admin), the platform's operator, or an
/// employer's user bound to one employer organisation (its actor id is the agency). One role each: a person who
/// needs two has two accounts, so that every token says plainly in which capacity it acts.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public Guid AgencyId { get; set; }
    public string Role { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Seeded for a development run only; an identity service outside Development refuses to start while one exists.</summary>
    public bool IsDemo { get; set; }
}
