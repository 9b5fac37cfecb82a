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
    public static bool SeesExactCounts(ClaimsPrincipal user, Guid? ownerActorId, IReadOnlyCollection<Guid> memberActorIds, bool publication)
    {
        if (publication)
            return false;
        if (user.IsInRole(Roles.Admin))
            return true;
        if (!user.IsInRole(Roles.Coordinator) || user.GetAgencyId() is not { } agency)
            return false;
        return agency == ownerActorId || memberActorIds.Contains(agency);
    }

    public static async Task<bool> SeesExactCountsAsync(ReportingDbContext db, ClaimsPrincipal user, Guid collaborationId, bool publication, CancellationToken ct)
    {
        if (publication || !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Coordinator))
            return false;
        if (user.IsInRole(Roles.Admin))
            return true; // whoever owns the collaboration: no need to ask

        var owner = await db.CollaborationFacts.Where(c => c.CollaborationId == collaborationId).Select(c => (Guid?)c.OwnerActorId).FirstOrDefaultAsync(ct);
        var members = await db.CollaborationMembers.Where(m => m.CollaborationId == collaborationId && m.LeftOn == null).Select(m => m.ActorId).ToListAsync(ct);
        return SeesExactCounts(user, owner, members, publication);
    }
}
