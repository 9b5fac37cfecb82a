using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.Reporting.Model.Export;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Reporting.Apis;

public static class RegionalViewApi
{
    public static RouteGroupBuilder MapRegionalViewApi(this RouteGroupBuilder api)
    {
        api.MapGet("/regional", GetRegionalView)
            .RequireAuthorization(ReportAccess.StatisticsReaders)
            .WithSummary("Per municipality: participants started by gender with shares, exits and outcome shares, across collaborations or in one.")
            .WithDescription("JSON as documented, except:" + ReportJson.LeanCellsDescription);
        return api;
    }

    /// <summary>
    /// Coordinators, admins and the operator (<see cref="ReportAccess"/>). Across all collaborations only the operator
    /// sees exact counts (it holds collaborations that are not the caller's); one collaboration's view is its own
    /// agencies' (404 to others), exact for their coordinators and admins.
    /// </summary>
    public static async Task<Results<JsonReport<RegionalViewReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetRegionalView(
        [AsParameters] ReportQuery query, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options,
        ReportCache cache, ReportJson json, CancellationToken ct,
        [Description("SCB municipality code (four digits): only this municipality.")] string? municipality = null,
        [Description("Collaboration id: only its participants; all collaborations when absent.")] string? collaboration = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = query.Parse(errors);
        if (municipality is not null && !Municipalities.IsKnown(municipality))
            errors["municipality"] = ["Use an SCB municipality code (four digits), e.g. 0880."];
        var collaborationId = ReportQuery.ParseCollaboration(collaboration, errors);
        if (errors.Count > 0 || request is null)
            return TypedResults.ValidationProblem(errors);

        var view = await ReportAccess.ScopeAsync(db, user, collaborationId, ct);
        if (view == ReportView.Hidden)
            return TypedResults.NotFound();
        var threshold = request.Threshold(view, options);
        if (query.InWholeMonths(request, threshold, errors) is not { } months)
            return TypedResults.ValidationProblem(errors);
        request = months;
        var period = request.Period;
        async Task<RegionalViewReport?> Build()
        {
            if (threshold is not { } t)
            {
                var counts = await RegionalReads.ReadAsync(db, collaborationId ?? Dimensions.AllCollaborations, period, ct);
                return RegionalViewBuilder.Build(counts, period.To, period.From, collaborationId, municipality, request.Language, threshold);
            }
            // Suppressed: a collaboration's view from its one pattern (shared with its summary and ESF+ report), the
            // whole region's from its own; a municipality filter only selects rows of it.
            if (collaborationId is { } id)
            {
                var scope = await ScopePatterns.CollaborationAsync(db, id, period, t, ct);
                return RegionalViewBuilder.Render(RegionalCounts.Of(scope.Counts), period.To, period.From, collaborationId, municipality, request.Language, scope.Pattern);
            }
            var (regional, pattern) = await ScopePatterns.RegionalAsync(db, Dimensions.AllCollaborations, period, t, user.GetAgencyId(), ct);
            return RegionalViewBuilder.Render(regional, period.To, period.From, null, municipality, request.Language, pattern);
        }
        if (request.Format == ReportFormat.Json)
        {
            var key = new ReportCacheKey("regional", collaborationId ?? Dimensions.AllCollaborations, municipality, period.From, period.To,
                request.Language, threshold, threshold is not null && collaborationId is null ? user.GetAgencyId() : null);
            return new JsonReport<RegionalViewReport>((await cache.GetOrBuildJsonAsync(db, key, Build, json.LeanCells, ct))!);
        }
        return ReportOutput.File(request.Format, RegionalExport.Tables((await Build())!, request.Language),
            request.Text("Regional jämförelse per kommun", "Regional comparison by municipality"), $"regional-{period.To:yyyy-MM-dd}", request.Language);
    }
}
