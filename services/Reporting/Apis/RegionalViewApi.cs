using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.Reporting.Model.Export;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Reporting.Apis;

public static class RegionalViewApi
{
    private static readonly string[] RegionalDimensions = [Dimensions.Municipality, Dimensions.ExitMunicipality];

    public static RouteGroupBuilder MapRegionalViewApi(this RouteGroupBuilder api)
    {
        api.MapGet("/regional", GetRegionalView)
            .WithSummary("Per municipality: participants started by gender with shares, exits and outcome shares, across collaborations or in one.")
            .WithDescription("JSON as documented, except:" + ReportJson.LeanCellsDescription);
        return api;
    }

    /// <summary>
    /// Across all collaborations only admins see exact counts (it holds collaborations that are not the
    /// caller's); for one collaboration its own coordinators do too.
    /// </summary>
    public static async Task<Results<JsonReport<RegionalViewReport>, FileContentHttpResult, ValidationProblem>> GetRegionalView(
        ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options, ReportCache cache, ReportJson json, CancellationToken ct,
        [Description("SCB municipality code (four digits): only this municipality.")] string? municipality = null,
        [Description("Collaboration id: only its participants; all collaborations when absent.")] string? collaboration = null,
        [Description("Count up to this date (YYYY-MM-DD); today when absent. Same as 'to'.")] string? asOf = null,
        [Description("Start of a period (YYYY-MM-DD).")] string? from = null,
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
        if (municipality is not null && !Municipalities.IsKnown(municipality))
            errors["municipality"] = ["Use an SCB municipality code (four digits), e.g. 0880."];
        Guid? collaborationId = null;
        if (collaboration is not null)
        {
            if (Guid.TryParse(collaboration, out var c))
                collaborationId = c;
            else
                errors["collaboration"] = ["Use a collaboration id (a GUID)."];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        // Read before any figure (see ReadModelVersions).
        var version = await ReadModelVersions.CurrentAsync(db, ct);
        var exact = collaborationId is { } id
            ? await ReportAccess.SeesExactCountsAsync(db, user, id, publication, ct)
            : ReportAccess.SeesExactCounts(user, null, [], publication) && user.IsInRole(ServiceDefaults.Auth.Roles.Admin);
        int? threshold = exact ? null : options.Value.SuppressionThreshold;
        var key = new ReportCacheKey("regional", collaborationId, municipality, period!.From, period.To, language!.Value, threshold);
        var cached = await cache.GetOrBuildAsync(key, version, async () =>
        {
            var counts = await CounterQueries.CountsAsync(db, collaborationId ?? Dimensions.AllCollaborations, period, RegionalDimensions, ct);
            return RegionalViewBuilder.Build(counts, period.To, period.From, collaborationId, municipality, language.Value, threshold);
        }, json.LeanCells);
        if (output == ReportFormat.Json)
            return new JsonReport<RegionalViewReport>(cached!.Json);
        var report = cached!.Report;
        var title = language == ReportLanguage.Swedish ? "Regional jämförelse per kommun" : "Regional comparison by municipality";
        return ReportOutput.File(output!.Value, RegionalExport.Tables(report, language.Value), title, $"regional-{period.To:yyyy-MM-dd}");
    }
}
