using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Actors.Apis;

public sealed record AgreementDeliveryResponse(
    Guid AgreementId, Guid ActorId, AgreementStatus Status, int Version, DateOnly ValidFrom, DateOnly ValidTo,
    IReadOnlyList<ContributionDelivery> Contributions);

/// <summary>
/// Promised versus delivered for every agreement with signed terms, read by whoever reads the collaboration.
/// Referrals are counted from Participants' enrolments (<see cref="Consumers.ParticipantEnrolledConsumer"/>).
/// </summary>
public static class AgreementDeliveryApi
{
    public static IEndpointRouteBuilder MapAgreementDeliveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/collaborations/{collaborationId:guid}/agreements/delivery", GetDelivery)
            .WithTags("Agreements").RequireAuthorization(Policies.AgencyStaff);
        return app;
    }

    public static async Task<Results<Ok<List<AgreementDeliveryResponse>>, NotFound, ForbidHttpResult>> GetDelivery(
        Guid collaborationId, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct)
    {
        var (_, access) = await CollaborationLookup.LoadAsync(db, collaborationId, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.CollaborationId == collaborationId && a.Status != AgreementStatus.Draft)
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var referrals = (await db.Referrals.AsNoTracking().Where(r => r.CollaborationId == collaborationId)
                .Select(r => new { r.ReferringActorId, r.ReferralDate }).ToListAsync(ct))
            .ToLookup(r => r.ReferringActorId, r => r.ReferralDate);
        var result = agreements.Where(a => a.InForce is not null).Select(a =>
        {
            var terms = a.InForce!.Terms;
            return new AgreementDeliveryResponse(a.Id, a.ActorId, a.Status, a.InForce.Number, terms.ValidFrom, terms.ValidTo,
                AgreementDelivery.Compare(terms, referrals[a.ActorId]));
        }).ToList();
        return TypedResults.Ok(result);
    }
}
