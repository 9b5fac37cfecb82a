using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;

namespace Samverkan.Actors.Apis;

/// <summary>Loads a collaboration with its members and decides the caller's access in one step; a missing one is NotFound.</summary>
internal static class CollaborationLookup
{
    public static async Task<(Collaboration? Collaboration, AccessDecision Access)> LoadAsync(
        ActorsDbContext db, Guid id, ClaimsPrincipal user, CollaborationAction action, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        return collaboration is null
            ? (null, AccessDecision.NotFound)
            : (collaboration, CollaborationsApi.Decide(user, collaboration, action));
    }
}
