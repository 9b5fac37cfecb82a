using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Employers.Apis;

/// <summary>
/// Resource-based check on one employer (and so on its offers). Agency staff (caseworker, coordinator,
/// admin) pass for every employer: the register is shared. A token with role <c>employer</c> passes only for
/// the employer whose <see cref="Employer.ActorId"/> equals its <c>agency</c> claim. Callers answer a failure
/// with 404, so another employer's records do not reveal that they exist.
/// </summary>
public sealed class EmployerAccessRequirement : IAuthorizationRequirement
{
    public static readonly EmployerAccessRequirement Instance = new();
}

public sealed class EmployerAccessHandler : AuthorizationHandler<EmployerAccessRequirement, Employer>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EmployerAccessRequirement requirement, Employer resource)
    {
        if (EmployerAccess.CanSee(context.User, resource))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class EmployerAccess
{
    public static bool IsEmployer(ClaimsPrincipal user) => user.IsInRole(Roles.Employer);

    /// <summary>The rule itself: staff see every employer, an employer user only the one linked to its agency claim.</summary>
    public static bool CanSee(ClaimsPrincipal user, Employer employer) =>
        IsStaff(user) || (IsEmployer(user) && employer.ActorId is { } actorId && user.GetAgencyId() == actorId);

    /// <summary>
    /// Agency staff: each acts for the agency of its <c>agency</c> claim. An admin is staff of its own agency like the
    /// others, never platform-wide; what is platform-wide belongs to <see cref="IsOperator"/>.
    /// </summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Caseworker);

    /// <summary>The platform's operator: platform-wide views and the employer logins' administration; never participants' data.</summary>
    public static bool IsOperator(ClaimsPrincipal user) => user.IsInRole(Roles.Operator);

    /// <summary>For endpoints that agency staff and the operator share (the operator is not in <see cref="Policies.AgencyStaff"/>).</summary>
    public static void StaffOrOperator(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireRole(Roles.Caseworker, Roles.Coordinator, Roles.Admin, Roles.Operator);

    /// <summary>
    /// Who changes whose login acts for an employer (<see cref="Employer.ActorId"/>) and which agency owns the
    /// relationship (<see cref="Employer.OwnerActorId"/>): the owning agency's coordinators and admins, and the operator.
    /// Any agency's staff may change the register's other facts.
    /// </summary>
    public static bool CanChangeLinkOrOwner(ClaimsPrincipal user, Employer employer) => CanManageLogins(user, employer.OwnerActorId);

    /// <summary>The same rule for an employer owned by <paramref name="ownerActorId"/>, before the record exists (registration).</summary>
    public static bool CanManageLogins(ClaimsPrincipal user, Guid ownerActorId) =>
        IsOperator(user)
        || ((user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin)) && user.GetAgencyId() == ownerActorId);

    public static async Task<bool> AuthorizeAsync(this IAuthorizationService authorization, ClaimsPrincipal user, Employer? employer) =>
        employer is not null && (await authorization.AuthorizeAsync(user, employer, EmployerAccessRequirement.Instance)).Succeeded;

    /// <summary>The employer record an employer user acts for; null for staff or a token linked to no employer.</summary>
    public static async Task<Guid?> OwnEmployerIdAsync(ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct)
    {
        if (!IsEmployer(user) || user.GetAgencyId() is not { } agency)
            return null;
        return await db.Employers.Where(e => e.ActorId == agency).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
    }
}
