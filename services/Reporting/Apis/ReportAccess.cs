using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.Apis;

/// <summary>What a caller may see of a report's scope: nothing (404, its existence is not theirs to know), suppressed figures, or exact ones.</summary>
public enum ReportView { Hidden, Suppressed, Exact }

/// <summary>
/// Who reads which report, in one place. A collaboration's reports are for the staff (caseworkers, coordinators,
/// admins) of its owner and current members, and for the platform operator; other agencies are answered 404 and
/// employers 403. Regional statistics (and employer engagement) are for coordinators, admins and the operator.
/// Exact figures for the operator, and for the coordinators and admins of the collaboration's own agencies;
/// everyone else who may read gets small counts suppressed. Published figures, always suppressed, are open to any
/// caller through the publication route alone (<see cref="CollaborationSummaryApi"/>).
/// </summary>
public static class ReportAccess
{
    /// <summary>The roles that may ask for a collaboration's reports at all; others are 403.</summary>
    public static readonly AuthorizationPolicy CollaborationReaders = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser().RequireClaim(SamverkanClaims.Agency)
        .RequireRole(Roles.Caseworker, Roles.Coordinator, Roles.Admin, Roles.Operator).Build();

    /// <summary>The roles that may read statistics across collaborations (regional, employer engagement); others are 403.</summary>
    public static readonly AuthorizationPolicy StatisticsReaders = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser().RequireClaim(SamverkanClaims.Agency)
        .RequireRole(Roles.Coordinator, Roles.Admin, Roles.Operator).Build();

    /// <summary>
    /// The caller's view of one collaboration's reports: the operator exact; the staff of its owner or of a current
    /// member (coordinators and admins exact, caseworkers suppressed); anyone else hidden.
    /// </summary>
    public static async Task<ReportView> CollaborationAsync(ReportingDbContext db, ClaimsPrincipal user, Guid collaborationId, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Operator))
            return ReportView.Exact;
        var staff = user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);
        if (!staff || user.GetAgencyId() is not { } agency)
            return ReportView.Hidden;
        // One round trip: asked before every collaboration report, from the cache or not.
        var member = await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM collaboration_facts WHERE collaboration_id = {collaborationId} AND owner_actor_id = {agency})
                OR EXISTS (SELECT 1 FROM collaboration_members
                           WHERE collaboration_id = {collaborationId} AND actor_id = {agency} AND left_on IS NULL) AS "Value"
            """).SingleAsync(ct);
        if (!member)
            return ReportView.Hidden;
        return user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) ? ReportView.Exact : ReportView.Suppressed;
    }

    /// <summary>
    /// The caller's view of a report filtered to one collaboration (as <see cref="CollaborationAsync"/>) or across
    /// all of them: there only the operator sees exact figures, since they hold collaborations that are not the caller's.
    /// </summary>
    public static async Task<ReportView> ScopeAsync(ReportingDbContext db, ClaimsPrincipal user, Guid? collaborationId, CancellationToken ct) =>
        collaborationId is { } id ? await CollaborationAsync(db, user, id, ct)
        : user.IsInRole(Roles.Operator) ? ReportView.Exact : ReportView.Suppressed;
}
