using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Employers.Apis;

/// <summary>
/// Matching profiles, keyed by the participant id from Participants. The participant's own agency writes and reads
/// one, an agency a consent shares the participant with reads it, nobody else learns that it exists
/// (<see cref="ParticipantAccess"/>). Employers never read profiles here: they see candidates.
/// </summary>
public static class MatchingProfilesApi
{
    public static IEndpointRouteBuilder MapMatchingProfilesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/employers/matching-profiles").WithTags("Matching profiles").RequireAuthorization(Policies.AgencyStaff);
        api.MapPut("/{participantId:guid}", PutProfile);
        api.MapGet("/{participantId:guid}", GetProfile);
        return app;
    }

    /// <summary>
    /// Creates the profile (201) or replaces it (200; If-Match required: 428 without, 412 stale). Only the participant's
    /// own agency writes: a consented recipient gets 403, anyone else 404 — also for an id not (yet) known as enrolled,
    /// so that nobody can create a profile for another agency's participant, or one nobody enrolled, before its owner.
    /// </summary>
    public static async Task<Results<Created<MatchingProfileResponse>, Ok<MatchingProfileResponse>, ValidationProblem, ProblemHttpResult>> PutProfile(
        Guid participantId, MatchingProfileRequest request, ClaimsPrincipal user, HttpContext http, EmployersDbContext db,
        MatchingIndex index, CancellationToken ct)
    {
        var errors = request.Errors();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        switch (await ParticipantAccess.RelationAsync(user, participantId, db, ct))
        {
            case ParticipantRelation.None:
                return ParticipantAccess.NotFound(participantId);
            case ParticipantRelation.Recipient:
                return ParticipantAccess.OwnAgencyOnly();
        }
        var profile = await db.MatchingProfiles.FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        var created = profile is null;
        if (profile is null)
        {
            profile = new MatchingProfile
            {
                ParticipantId = participantId,
                OwnerActorId = user.GetAgencyId()!.Value,
                MunicipalityCode = request.MunicipalityCode!,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.MatchingProfiles.Add(profile);
        }
        else
        {
            if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
                return precondition!;
            if (expected != profile.Version)
                return ETags.Stale();
            profile.UpdatedAt = DateTimeOffset.UtcNow;
        }
        request.ApplyTo(profile);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale();
        }
        catch (DbUpdateException ex) when (created && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(
                title: "The profile was created at the same time.",
                detail: "Another request created this participant's profile first: GET it and retry with If-Match.",
                statusCode: StatusCodes.Status409Conflict);
        }
        // Here at once, so the caller's next match on this instance sees it; the other instances when told.
        await index.RefreshAsync([participantId], ct);
        await MatchingIndexNotices.NotifyAsync(db, index, [participantId], ct);
        var matchable = await MatchingIndex.Matchable(db).AnyAsync(p => p.ParticipantId == participantId, ct);
        ETags.Set(http, profile.Version);
        var response = MatchingProfileResponse.From(profile, matchable);
        return created
            ? TypedResults.Created($"/api/employers/matching-profiles/{participantId}", response)
            : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<MatchingProfileResponse>, NotFound, ProblemHttpResult>> GetProfile(
        Guid participantId, ClaimsPrincipal user, HttpContext http, EmployersDbContext db, CancellationToken ct)
    {
        if (await ParticipantAccess.RelationAsync(user, participantId, db, ct) == ParticipantRelation.None)
            return ParticipantAccess.NotFound(participantId);
        var profile = await db.MatchingProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        if (profile is null)
            return TypedResults.NotFound();
        var matchable = await MatchingIndex.Matchable(db).AnyAsync(p => p.ParticipantId == participantId, ct);
        ETags.Set(http, profile.Version);
        return TypedResults.Ok(MatchingProfileResponse.From(profile, matchable));
    }
}
