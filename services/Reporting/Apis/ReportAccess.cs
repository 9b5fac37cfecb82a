using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.Apis;

/// <summary>Who sees exact counts: the collaboration's own coordinators and admins; everyone else suppressed.</summary>
public static class ReportAccess
{
    /// <summary>
    /// Exact for admins and for coordinators of an actor that owns the collaboration or is a current member of
    /// it ("their own collaborations"); every other viewer, and any request marked for publication, gets counts
    /// below the threshold suppressed (complementary included).
    /// </summary>
    public static async Task<bool> SeesExactCountsAsync(ReportingDbContext db, ClaimsPrincipal user, Guid collaborationId, bool publication, CancellationToken ct)
    {
        if (publication)
            return false;
        if (user.IsInRole(Roles.Admin))
            return true; // whoever owns the collaboration: no need to ask
        if (!user.IsInRole(Roles.Coordinator) || user.GetAgencyId() is not { } agency)
            return false;
        // One round trip: asked before every report a coordinator reads, from the cache or not.
        return await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM collaboration_facts WHERE collaboration_id = {collaborationId} AND owner_actor_id = {agency})
                OR EXISTS (SELECT 1 FROM collaboration_members
                           WHERE collaboration_id = {collaborationId} AND actor_id = {agency} AND left_on IS NULL) AS "Value"
            """).SingleAsync(ct);
    }
}
