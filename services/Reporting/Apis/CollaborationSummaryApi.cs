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
        [Dimensions.Started, Dimensions.ReferringActor, Dimensions.Municipality, Dimensions.TargetGroup, Dimensions.AgeBand, Dimensions.ExitOutcome,
            Dimensions.ExitReferringActor];

    /// <summary>With a period, those counted up to its end: the participants still active at its end.</summary>
    private static readonly string[] CumulativeDimensions = [Dimensions.Started, Dimensions.ExitOutcome];

    public static RouteGroupBuilder MapCollaborationSummaryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/collaborations/{id:guid}/summary", GetCollaborationSummary)
            .RequireAuthorization(ReportAccess.CollaborationReaders)
            .WithSummary("A collaboration's participants started and exits, by gender and dimension, against its targets.");
        api.MapGet("/published/collaborations/{id:guid}/summary", GetPublishedSummary)
            .WithSummary("The same summary as published: open to any caller, small counts always suppressed.");
        return api;
    }

    /// <summary>For the collaboration's own staff and the operator (<see cref="ReportAccess"/>); 404 to other agencies.</summary>
    public static async Task<Results<JsonReport<CollaborationSummaryReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetCollaborationSummary(
        Guid id, [AsParameters] ReportQuery query, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options,
        ReportCache cache, ReportJson json, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Parse(errors) is not { } request)
            return TypedResults.ValidationProblem(errors);
        var view = await ReportAccess.CollaborationAsync(db, user, id, ct);
        if (view == ReportView.Hidden)
            return TypedResults.NotFound();
        var threshold = request.Threshold(view, options);
        if (query.InWholeMonths(request, threshold, errors) is not { } months)
            return TypedResults.ValidationProblem(errors);
        return await ReportAsync(id, months, threshold, db, cache, json, ct);
    }

    /// <summary>The summary for publication: any caller, always suppressed (whatever <c>publication</c> says).</summary>
    public static async Task<Results<JsonReport<CollaborationSummaryReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetPublishedSummary(
        Guid id, [AsParameters] ReportQuery query, ReportingDbContext db, IOptions<ReportingOptions> options,
        ReportCache cache, ReportJson json, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Parse(errors) is not { } parsed)
            return TypedResults.ValidationProblem(errors);
        var threshold = parsed.Threshold(ReportView.Suppressed, options);
        if (query.InWholeMonths(parsed, threshold, errors) is not { } request)
            return TypedResults.ValidationProblem(errors);
        return await ReportAsync(id, request, threshold, db, cache, json, ct);
    }

    private static async Task<Results<JsonReport<CollaborationSummaryReport>, FileContentHttpResult, NotFound, ValidationProblem>> ReportAsync(
        Guid id, ReportRequest request, int? threshold, ReportingDbContext db, ReportCache cache, ReportJson json, CancellationToken ct)
    {
        var period = request.Period;
        if (request.Format == ReportFormat.Json)
        {
            var key = new ReportCacheKey("collaboration-summary", id, null, period.From, period.To, request.Language, threshold);
            var cached = await cache.GetOrBuildJsonAsync(db, key, () => BuildAsync(db, id, period, request.Language, threshold, ct), json.Default, ct);
            return cached is null ? TypedResults.NotFound() : new JsonReport<CollaborationSummaryReport>(cached);
        }
        if (await BuildAsync(db, id, period, request.Language, threshold, ct) is not { } report)
            return TypedResults.NotFound();
        return ReportOutput.File(request.Format, SummaryExport.Tables(report, request.Language),
            request.Text($"Samverkan {report.Name} – sammanställning", $"Collaboration {report.Name} – summary"),
            $"collaboration-summary-{id}-{period.To:yyyy-MM-dd}", request.Language);
    }

    /// <summary>The summary in the caller's <paramref name="view"/> (not hidden), for the reports built on it; null when the collaboration is unknown and has no counts.</summary>
    internal static Task<CollaborationSummaryReport?> SummaryAsync(
        ReportingDbContext db, ReportView view, Guid id, ReportRequest request, IOptions<ReportingOptions> options, CancellationToken ct) =>
        BuildAsync(db, id, request.Period, request.Language, request.Threshold(view, options), ct);

    /// <summary>
    /// The summary from the read models; null when the collaboration is unknown and has no counts. Suppressed, it is
    /// rendered from the collaboration's one pattern (<see cref="ScopePatterns"/>) and its counts.
    /// </summary>
    private static async Task<CollaborationSummaryReport?> BuildAsync(
        ReportingDbContext db, Guid id, ReportPeriod period, ReportLanguage language, int? threshold, CancellationToken ct)
    {
        var figures = await SummaryReads.ReadAsync(db, id, period, SummaryDimensions, CumulativeDimensions, ct);
        if (threshold is not { } t)
            return figures.Collaboration is null && figures.Counts.Count == 0 ? null
                : CollaborationSummaryBuilder.Build(id, figures.Collaboration, period.To, figures.Counts, figures.ActorNames, language, threshold,
                    period.From, figures.Cumulative, figures.Hours);
        var scope = await ScopePatterns.CollaborationAsync(db, id, period, t, ct);
        if (figures.Collaboration is null && scope.Counts.Count == 0 && scope.Cumulative.Count == 0)
            return null;
        return CollaborationSummaryBuilder.Render(id, figures.Collaboration, period.To, scope.Counts, figures.ActorNames, language, scope.Pattern,
            period.From, scope.Cumulative, figures.Hours);
    }
}
