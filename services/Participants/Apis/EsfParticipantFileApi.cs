using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Auth;
using static Samverkan.Participants.Apis.ParticipantRecords;

namespace Samverkan.Participants.Apis;

/// <summary>
/// The ESF+ monthly participant file (<see cref="EsfParticipantFile"/>). It holds identity numbers, so it is made here
/// and nowhere else, only for an admin of the agency that owns the collaboration (the project owner sends it), and
/// every participant whose number it shows is written to the identity-read log first, like any identifying read.
/// </summary>
public static class EsfParticipantFileApi
{
    public static IEndpointRouteBuilder MapEsfParticipantFileApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/participants/esf-file", GetFile)
            .WithTags("Participants")
            .RequireAuthorization(Policies.Admin)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("ESF+-deltagarfil för en månad")
            .WithDescription("The monthly ESF+ participant file of a collaboration (CSV, format in docs/esf-participant-file.md), "
                             + "for the owning agency's admin only; every identity shown is written to the audit log. "
                             + "month is yyyy-MM; reason (or the X-Access-Reason header) is logged.");
        return app;
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> GetFile(
        Guid? collaborationId, string? month, ClaimsPrincipal user, ParticipantsDbContext db, IdentityProtector protector,
        HttpContext http, CancellationToken ct, string? reason = null,
        [FromHeader(Name = ParticipantsApi.ReasonHeader)] string? reasonHeader = null)
    {
        if (collaborationId is null)
            return Invalid("collaborationId", "The collaboration is required.");
        if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            return Invalid("month", "The month is required as yyyy-MM, e.g. 2026-11.");
        if (first > Today())
            return Invalid("month", "The month has not begun.");
        var why = IdentifyingReads.Reason(reason, reasonHeader);
        if (IdentifyingReads.ReasonError(why) is { } invalid)
            return invalid;

        var collaboration = await db.KnownCollaborations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == collaborationId, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        // The operator is no agency's admin, and a partner's admin is not the project owner.
        if (!user.IsInRole(Roles.Admin) || collaboration.OwnerActorId != user.GetAgencyId())
            return TypedResults.Problem(
                title: "Only an admin of the agency that owns the collaboration may make its ESF+ participant file.",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["field"] = "collaborationId" });

        var last = EsfParticipantFile.LastDay(first);
        var erased = db.Set<ParticipantErasure>().Select(e => e.ParticipantId);
        var candidates = await (
            from p in db.Participants.AsNoTracking()
            where p.CollaborationId == collaborationId && p.StartDate <= last && !erased.Contains(p.Id)
            join x in db.Set<ParticipantExit>().AsNoTracking() on p.Id equals x.ParticipantId into exits
            from exit in exits.DefaultIfEmpty()
            select new { Participant = p, Exit = exit }).ToListAsync(ct);
        var active = candidates.Where(c => EsfParticipantFile.ActiveIn(first, c.Participant.StartDate, c.Exit?.ExitDate)).ToList();
        var ids = active.Select(c => c.Participant.Id).ToList();
        var hours = await db.Set<ParticipationHours>().AsNoTracking()
            .Where(h => ids.Contains(h.ParticipantId) && h.Date >= first && h.Date <= last)
            .GroupBy(h => h.ParticipantId).Select(g => new { g.Key, Hours = g.Sum(h => h.Hours) })
            .ToDictionaryAsync(g => g.Key, g => g.Hours, ct);

        var identified = active.Where(c => c.Participant.ProtectedNumber is not null).Select(c => c.Participant.Id).ToList();
        await IdentifyingReads.AuditAsync(db, user, identified,
            string.IsNullOrEmpty(why) ? $"ESF+-deltagarfil {first:yyyy-MM}" : why, ct);

        var rows = active.Select(c => new EsfParticipantFile.Row(
            c.Participant.ProtectedNumber is { } number ? protector.UnprotectNumber(number) : null,
            c.Participant.IdentityKind, c.Participant.Gender, c.Participant.MunicipalityCode, c.Participant.StartDate,
            c.Participant.LabourMarketStatusAtEntry, c.Participant.EducationLevelAtEntry, c.Participant.BenefitAtStart,
            hours.GetValueOrDefault(c.Participant.Id), c.Exit));
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(EsfParticipantFile.Write(first, rows), "text/csv; charset=utf-8",
            $"esf-deltagarfil-{first:yyyy-MM}.csv");
    }
}
