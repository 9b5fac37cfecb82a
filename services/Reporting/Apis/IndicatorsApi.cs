using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.Reporting.Model.Export;

namespace Samverkan.Reporting.Apis;

public static class IndicatorsApi
{
    private static readonly string[] EsfDimensions =
        [Dimensions.Started, Dimensions.LabourMarketStatus, Dimensions.AgeBand, Dimensions.EducationLevel, Dimensions.ExitOutcome, Dimensions.GainedQualification];

    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/collaborations/{id:guid}/esf-indicators", GetEsfIndicators)
            .RequireAuthorization(ReportAccess.CollaborationReaders)
            .WithSummary("ESF+ common output indicators at entry and result indicators on leaving, by women, men and non-binary persons.");
        api.MapGet("/collaborations/{id:guid}/comparison", GetComparison)
            .RequireAuthorization(ReportAccess.CollaborationReaders)
            .WithSummary("The collaboration's exit shares next to a reference value (a share, or a configured name such as esf-programme-average).");
        return api;
    }

    public static async Task<Results<Ok<EsfIndicatorsReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetEsfIndicators(
        Guid id, [AsParameters] ReportQuery query, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options, CancellationToken ct)
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
        request = months;
        var period = request.Period;
        var collaboration = await db.CollaborationFacts.AsNoTracking().FirstOrDefaultAsync(c => c.CollaborationId == id, ct);
        EsfIndicatorsReport report;
        if (threshold is { } t)
        {
            // Suppressed: rendered from the collaboration's one pattern, shared with the summary (ScopePatterns).
            var scope = await ScopePatterns.CollaborationAsync(db, id, period, t, ct);
            if (collaboration is null && scope.Counts.Count == 0 && scope.Cumulative.Count == 0)
                return TypedResults.NotFound();
            report = EsfIndicatorsBuilder.Render(id, collaboration, period.To, period.From, scope.Counts, request.Language, scope.Pattern);
        }
        else
        {
            var counts = await CounterQueries.CountsAsync(db, id, period, EsfDimensions, ct);
            if (collaboration is null && counts.Count == 0)
                return TypedResults.NotFound();
            report = EsfIndicatorsBuilder.Build(id, collaboration, period.To, period.From, counts, request.Language, threshold);
        }
        if (request.Format == ReportFormat.Json)
            return TypedResults.Ok(report);
        return ReportOutput.File(request.Format, IndicatorExports.Tables(report),
            request.Text($"ESF+-indikatorer – {report.Name}", $"ESF+ indicators – {report.Name}"), $"esf-indicators-{id}-{period.To:yyyy-MM-dd}", request.Language);
    }

    public static async Task<Results<Ok<ReferenceComparisonReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetComparison(
        Guid id, [AsParameters] ReportQuery query, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options, CancellationToken ct,
        [Description("A share 0–1 to compare work or studies with (e.g. 0.34), or a configured reference name (esf-programme-average, the default).")] string? reference = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = query.Parse(errors);
        var name = reference ?? ReferenceComparisonBuilder.EsfProgrammeAverage;
        IReadOnlyDictionary<string, decimal>? values = null;
        if (decimal.TryParse(name, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share))
        {
            if (share is < 0 or > 1)
                errors["reference"] = ["A reference share is between 0 and 1, e.g. 0.34."];
            values = new Dictionary<string, decimal> { [OutcomeLabels.WorkOrStudiesKey] = share };
        }
        else if (options.Value.References.TryGetValue(name, out var named))
            values = named;
        else
            errors["reference"] = [$"Use a share between 0 and 1 or one of: {string.Join(", ", options.Value.References.Keys)}."];
        if (errors.Count > 0 || request is null)
            return TypedResults.ValidationProblem(errors);

        var view = await ReportAccess.CollaborationAsync(db, user, id, ct);
        if (view == ReportView.Hidden)
            return TypedResults.NotFound();
        if (query.InWholeMonths(request, request.Threshold(view, options), errors) is not { } months)
            return TypedResults.ValidationProblem(errors);
        request = months;
        var summary = await CollaborationSummaryApi.SummaryAsync(db, view, id, request, options, ct);
        if (summary is not { } report)
            return TypedResults.NotFound();
        var comparison = ReferenceComparisonBuilder.Build(report, name, values!);
        if (request.Format == ReportFormat.Json)
            return TypedResults.Ok(comparison);
        return ReportOutput.File(request.Format, IndicatorExports.Tables(comparison, request.Language),
            request.Text($"Jämförelse med referensvärde – {report.Name}", $"Comparison with a reference value – {report.Name}"),
            $"comparison-{id}-{request.Period.To:yyyy-MM-dd}", request.Language);
    }
}
