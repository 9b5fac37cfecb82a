using System.Collections.Immutable;
using System.Text.Json;

namespace Samverkan.Identity.Model;

/// <summary>
/// Who an agency's registered system acts as: its agency (actor id) and role. Kept in the OpenIddict application's
/// properties, beside the scopes it may ask for (its permissions).
/// </summary>
public sealed record ClientProfile(Guid AgencyId, string Role)
{
    private const string AgencyProperty = "samverkan_agency";
    private const string RoleProperty = "samverkan_role";

    public void WriteTo(IDictionary<string, JsonElement> properties)
    {
        properties[AgencyProperty] = JsonSerializer.SerializeToElement(AgencyId);
        properties[RoleProperty] = JsonSerializer.SerializeToElement(Role);
    }

    /// <summary>The profile, or null for an application that is no agency's system (the web UI, a native app).</summary>
    public static ClientProfile? ReadFrom(ImmutableDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(AgencyProperty, out var agency) && properties.TryGetValue(RoleProperty, out var role)
            ? new ClientProfile(agency.GetGuid(), role.GetString() ?? "")
            : null;
}
