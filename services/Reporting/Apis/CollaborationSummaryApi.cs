using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.Reporting.Model.Export;

namespace Samverkan.Reporting.Apis;

public static class CollaborationSummaryApi
{
    /// <summary>Every dimension the summary reads.</summary>
    private static readonly string[] SummaryDimensions =
        [Dimensions.Started, Dimensions.ReferringActor, Dimensions.Municipality, Dimensions.TargetGroup, Dimensions.AgeBand, Dimensions.ExitOutcome];

    public static RouteGroupBuilder MapCollaborationSummaryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/collaborations/{id:guid}/summary", GetCollaborationSummary)
            .WithSummary("A collaboration's participants started and exits, by gender and dimension, against its targets.");
        return api;
    }

    public static async Task<Results<JsonReport<CollaborationSummaryReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetCollaborationSummary(
        Guid id, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options, ReportCache cache, ReportJson json, CancellationToken ct,
        [Description("Count up to this date (YYYY-MM-DD); today when absent. Same as 'to'.")] string? asOf = null,
        [Description("Start of a period (YYYY-MM-DD): count only what happened from this date to 'to'/'asOf'.")] string? from = null,
        [Description("End of the period (YYYY-MM-DD), included.")] string? to = null,
        [Description("Language of the labels: sv (the default) or en.")] string? lang = null,
        [Description("true for figures meant for publication: always suppressed.")] bool publication = false,
        [Description(ReportOutput.FormatDescription)] string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        var period = ReportPeriod.Parse(from, to, asOf, ReportsApi.Today, errors);
        var language = ReportsApi.ParseLanguage(lang);
        if (language is null)
            errors["lang"] = ["Use 'sv' or 'en'."];
        var output = ReportOutput.ParseFormat(format, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var cached = await SummaryAsync(db, user, id, period!, language!.Value, publication, options.Value, cache, json, ct);
        if (cached is null)
            return TypedResults.NotFound();
        if (output == ReportFormat.Json)
            return new JsonReport<CollaborationSummaryReport>(cached.Json);
        var report = cached.Report;
        var title = language == ReportLanguage.Swedish ? $"Samverkan {report.Name} – sammanställning" : $"Collaboration {report.Name} – summary";
        return ReportOutput.File(output!.Value, SummaryExport.Tables(report, language.Value), title, $"collaboration-summary-{id}-{period!.To:yyyy-MM-dd}");
    }

    /// <summary>
    /// The summary as <paramref name="user"/> may see it: built, or kept from an earlier request while the read
    /// models have not changed. Null when the collaboration is unknown and has no counts.
    /// </summary>
    internal static async Task<CachedReport<CollaborationSummaryReport>?> SummaryAsync(
        ReportingDbContext db, ClaimsPrincipal user, Guid id, ReportPeriod period, ReportLanguage language, bool publication,
        ReportingOptions options, ReportCache cache, ReportJson json, CancellationToken ct)
    {
        // Read before any figure (see ReadModelVersions).
        var version = await ReadModelVersions.CurrentAsync(db, ct);
        var exact = await ReportAccess.SeesExactCountsAsync(db, user, id, publication, ct);
        int? threshold = exact ? null : options.SuppressionThreshold;
        var key = new ReportCacheKey("collaboration-summary", id, null, period.From, period.To, language, threshold);
        return await cache.GetOrBuildAsync(key, version, () => BuildAsync(db, id, period, language, threshold, ct), json.Default);
    }

    /// <summary>The summary from the read models; null when the collaboration is unknown and has no counts.</summary>
    private static async Task<CollaborationSummaryReport?> BuildAsync(
        ReportingDbContext db, Guid id, ReportPeriod period, ReportLanguage language, int? threshold, CancellationToken ct)
    {
        var collaboration = await db.CollaborationFacts.AsNoTracking().FirstOrDefaultAsync(c => c.CollaborationId == id, ct);
        var counts = await CounterQueries.CountsAsync(db, id, period, SummaryDimensions, ct);
        if (collaboration is null && counts.Count == 0)
            return null;
        var cumulative = period.From is null ? null
            : await CounterQueries.CountsAsync(db, id, period with { From = null }, [Dimensions.Started, Dimensions.ExitOutcome], ct);
        var firstMonth = period.From is { } f ? new DateOnly(f.Year, f.Month, 1) : DateOnly.MinValue;
        var hours = await db.HoursByMonth.AsNoTracking()
            .Where(h => h.CollaborationId == id && h.Month >= firstMonth && h.Month <= period.To && (h.Hours != 0 || h.Participants != 0))
            .ToListAsync(ct);

        var actorIds = counts.Where(c => c.Dimension == Dimensions.ReferringActor)
            .Select(c => Guid.TryParse(c.Key, out var a) ? a : Guid.Empty).Distinct().ToList();
        var actorNames = await db.ActorFacts.AsNoTracking().Where(a => actorIds.Contains(a.ActorId))
            .ToDictionaryAsync(a => a.ActorId, a => a.Name, ct);
        return CollaborationSummaryBuilder.Build(id, collaboration, period.To, counts, actorNames, language, threshold, period.From, cumulative, hours);
    }
}
