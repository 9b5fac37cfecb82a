using System.Security.Claims;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Identity.Apis;

/// <summary>
/// Who may manage whose accounts and systems: an agency's admin manages its own agency's users and clients (never
/// an operator), and the platform operator manages agencies' admins and any agency's clients. One rule for both APIs.
/// </summary>
internal static class ManagementAccess
{
    /// <summary>The roles an agency admin may give; the operator role is given only by configuration.</summary>
    private static readonly string[] AgencyRoles = [Roles.Caseworker, Roles.Coordinator, Roles.Admin, Roles.Employer];

    public static bool IsOperator(ClaimsPrincipal user) => user.IsInRole(Roles.Operator);

    /// <summary>Whether the caller may see or change an account or client of <paramref name="agency"/> with <paramref name="role"/>.</summary>
    public static bool MayManage(ClaimsPrincipal user, Guid agency, string role, bool isClient)
    {
        if (IsOperator(user))
            return isClient ? AgencyRoles.Contains(role) : role == Roles.Admin;
        return user.IsInRole(Roles.Admin) && user.GetAgencyId() == agency && AgencyRoles.Contains(role);
    }

    /// <summary>Whether the role may be given at all through the API (a 400 otherwise, before any 403).</summary>
    public static bool IsGivable(string? role) => role is not null && AgencyRoles.Contains(role);

    public static string GivableRoles => string.Join(", ", AgencyRoles);
}
