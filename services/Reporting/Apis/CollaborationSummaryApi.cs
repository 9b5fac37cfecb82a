using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.Apis;

public static class CollaborationSummaryApi
{
    public static RouteGroupBuilder MapCollaborationSummaryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/collaborations/{id:guid}/summary", GetCollaborationSummary)
            .WithSummary("Participants started in a collaboration up to a date, by gender and dimension.");
        return api;
    }

    /// <summary>
    /// Exact for admins and for coordinators of the collaboration's owner actor; every other viewer, and any
    /// request marked for publication, gets counts below the threshold suppressed (complementary included).
    /// </summary>
    public static bool SeesExactCounts(ClaimsPrincipal user, Guid? ownerActorId, bool publication) =>
        !publication && (user.IsInRole(Roles.Admin)
            || user.IsInRole(Roles.Coordinator) && ownerActorId is { } owner && user.GetAgencyId() == owner);

    public static async Task<Results<Ok<CollaborationSummaryReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetCollaborationSummary(
        Guid id, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options, CancellationToken ct,
        [Description("Count participants started on or before this date (YYYY-MM-DD); today when absent.")] string? asOf = null,
        [Description("Language of the labels: sv (the default) or en.")] string? lang = null,
        [Description("true for figures meant for publication: always suppressed.")] bool publication = false,
        [Description("json (the default) or csv.")] string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            errors["asOf"] = ["Use a date as YYYY-MM-DD."];
        var language = ReportsApi.ParseLanguage(lang);
        if (language is null)
            errors["lang"] = ["Use 'sv' or 'en'."];
        if (format is not null && format.ToLowerInvariant() is not ("json" or "csv"))
            errors["format"] = ["Use 'json' or 'csv'."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var collaboration = await db.CollaborationFacts.AsNoTracking().FirstOrDefaultAsync(c => c.CollaborationId == id, ct);
        var counts = await db.ParticipantCounts.AsNoTracking()
            .Where(c => c.CollaborationId == id && c.StartDate <= date)
            .GroupBy(c => new { c.Dimension, c.Key, c.Gender })
            .Select(g => new { g.Key.Dimension, g.Key.Key, g.Key.Gender, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        if (collaboration is null && counts.Count == 0)
            return TypedResults.NotFound();

        var actorIds = counts.Where(c => c.Dimension == Dimensions.ReferringActor)
            .Select(c => Guid.TryParse(c.Key, out var a) ? a : Guid.Empty).Distinct().ToList();
        var actorNames = await db.ActorFacts.AsNoTracking().Where(a => actorIds.Contains(a.ActorId))
            .ToDictionaryAsync(a => a.ActorId, a => a.Name, ct);

        var exact = SeesExactCounts(user, collaboration?.OwnerActorId, publication);
        var report = CollaborationSummaryBuilder.Build(id, collaboration, date,
            counts.Select(c => new DimensionCount(c.Dimension, c.Key, (Gender)c.Gender, c.Count)).ToList(),
            actorNames, language!.Value, exact ? null : options.Value.SuppressionThreshold);
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            return TypedResults.File(SummaryCsv.Write(report), "text/csv; charset=utf-8", $"collaboration-summary-{id}-{date:yyyy-MM-dd}.csv");
        return TypedResults.Ok(report);
    }
}
