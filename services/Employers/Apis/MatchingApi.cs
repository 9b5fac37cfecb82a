using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Employers.Apis;

/// <summary>
/// Explainable matching both ways. For an offer: the profiles consented to the offer's employer ranked, each with its
/// reasons; the offer's own employer sees them under per-offer pseudonyms, staff see among them the participants
/// their agency reaches (<see cref="ParticipantAccess"/>), with ids. For a participant the caller's agency reaches:
/// the open offers ranked the same way (staff only).
/// </summary>
public static class MatchingApi
{
    public const int MaxTop = 100;

    public static IEndpointRouteBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/offers/{id:guid}/candidates", RankCandidates).WithTags("Matching").RequireAuthorization(Policies.Authenticated);
        app.MapGet("/api/employers/matching-profiles/{participantId:guid}/offers", RankOffers).WithTags("Matching")
            .RequireAuthorization(Policies.AgencyStaff);
        return app;
    }

    public static async Task<Results<Ok<CandidatesResponse>, NotFound, ValidationProblem>> RankCandidates(
        Guid id, ClaimsPrincipal user, EmployersDbContext db, IAuthorizationService authorization, MatchingIndex index,
        PseudonymKey key, CancellationToken ct, int top = 20)
    {
        if (top is < 1 or > MaxTop)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [$"Between 1 and {MaxTop}."] });
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        var employer = offer is null ? null : await db.Employers.AsNoTracking().FirstOrDefaultAsync(e => e.Id == offer.EmployerId, ct);
        if (offer is null || !await authorization.AuthorizeAsync(user, employer))
            return TypedResults.NotFound();

        // A profile is shown only to the employers its consents name, so an offer's pool is the profiles consented to
        // its employer (none when the employer has no actor: no consent can name it). Staff see, of those, only the
        // participants their own agency reaches.
        var staff = EmployerAccess.IsStaff(user);
        var profiles = employer!.ActorId is { } recipient
            ? (await index.SnapshotAsync(ct)).Where(p => p.IsShownTo(recipient) && (!staff || ParticipantAccess.Reaches(user, p))).ToArray()
            : [];
        var compiled = CompiledOffer.Compile(MatchOffer.From(offer), index.Skills, index.Adaptations);
        var ranked = Ranking.TopParallel(compiled, profiles, top, Math.Min(Environment.ProcessorCount, 4))
            .Select((r, i) =>
            {
                var result = MatchScoring.Score(compiled.Offer, r.Profile.Candidate);
                return new CandidateResponse(
                    i + 1, Pseudonyms.For(key.Bytes, offer.Id, result.ParticipantId), staff ? result.ParticipantId : null,
                    result.Score, MatchScoring.Max, result.Distance, result.SkillsMet, result.SkillsMissing, result.Reasons);
            })
            .ToList();
        return TypedResults.Ok(new CandidatesResponse(offer.Id, profiles.Length, ranked));
    }

    public static async Task<Results<Ok<OfferMatchesResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RankOffers(
        Guid participantId, ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct, int top = 20)
    {
        if (top is < 1 or > MaxTop)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [$"Between 1 and {MaxTop}."] });
        if (await ParticipantAccess.RelationAsync(user, participantId, db, ct) == ParticipantRelation.None)
            return ParticipantAccess.NotFound(participantId);
        var profile = await db.MatchingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        if (profile is null)
            return TypedResults.NotFound();
        var matchable = await MatchingIndex.Matchable(db).AnyAsync(p => p.ParticipantId == participantId, ct);
        var candidate = MatchCandidate.From(profile);
        // Open offers are few next to profiles (hundreds, not 100,000): read them and explain each.
        var offers = await db.Offers.AsNoTracking().Where(o => o.Status == OfferStatus.Open).ToListAsync(ct);
        var ranked = offers
            .Select(o => (Offer: o, Result: MatchScoring.Score(MatchOffer.From(o), candidate)))
            .OrderByDescending(x => x.Result.Score).ThenBy(x => x.Offer.Id)
            .Take(top)
            .Select((x, i) => new OfferMatchResponse(
                i + 1, x.Offer.Id, x.Offer.EmployerId, x.Offer.Title, x.Offer.OccupationCode, x.Offer.MunicipalityCode, x.Offer.StartDate,
                x.Result.Score, MatchScoring.Max, x.Result.Distance, x.Result.SkillsMet, x.Result.SkillsMissing, x.Result.Reasons))
            .ToList();
        return TypedResults.Ok(new OfferMatchesResponse(participantId, matchable, ranked));
    }
}
