using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.Apis;

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/actors-by-sector", GetActorsBySector);
        api.MapCollaborationSummaryApi();
        api.MapRegionalViewApi();
        api.MapCrossTableApi();
        api.MapIndicatorsApi();
        api.MapAgreementsReportApi();
        api.MapEmployerEngagementApi();
        api.MapRebuildApi();
        return app;
    }

    public static async Task<Results<Ok<ActorsBySectorReport>, ValidationProblem>> GetActorsBySector(
        ReportingDbContext db, CancellationToken ct,
        [Description("Language of the labels: sv (the default) or en.")] string? lang = null)
    {
        if (ParseLanguage(lang) is not { } language)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = ["Use 'sv' or 'en'."] });

        var counts = await db.ActorFacts
            .GroupBy(a => a.Sector)
            .Select(g => new { Sector = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Sector, x => x.Count, ct);
        return TypedResults.Ok(ActorsBySector.Summarise(counts, language));
    }

    /// <summary>The default end date of a report.</summary>
    internal static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    internal static ReportLanguage? ParseLanguage(string? lang) => lang?.ToLowerInvariant() switch
    {
        null or "sv" => ReportLanguage.Swedish,
        "en" => ReportLanguage.English,
        _ => null,
    };
}
