using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.Reporting.Model.Export;

namespace Samverkan.Reporting.Apis;

public static class AgreementsReportApi
{
    public static RouteGroupBuilder MapAgreementsReportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/collaborations/{id:guid}/agreements", GetAgreementsReport)
            .RequireAuthorization(ReportAccess.CollaborationReaders)
            .WithSummary("Per member: contributions promised in its latest signed agreement against what was delivered; assessment scores per round with divergence flags.");
        return api;
    }

    public static async Task<Results<Ok<AgreementsReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetAgreementsReport(
        Guid id, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options, CancellationToken ct,
        [Description("As of this date (YYYY-MM-DD); today when absent.")] string? asOf = null,
        [Description("Language of the labels: sv (the default) or en.")] string? lang = null,
        [Description("true for figures meant for publication: always suppressed.")] bool publication = false,
        [Description(ReportOutput.FormatDescription)] string? format = null)
    {
        var errors = new Dictionary<string, string[]>();
        // As of a date only: the agreements in force then, not a period.
        var query = new ReportQuery { AsOf = asOf, Lang = lang, Publication = publication, Format = format };
        if (query.Parse(errors) is not { } parsed)
            return TypedResults.ValidationProblem(errors);

        var view = await ReportAccess.CollaborationAsync(db, user, id, ct);
        if (view == ReportView.Hidden)
            return TypedResults.NotFound();
        if (query.InWholeMonths(parsed, parsed.Threshold(view, options), errors) is not { } request)
            return TypedResults.ValidationProblem(errors);
        // Referrals delivered are the summary's referring-actor figures, suppressed exactly as there.
        var summary = await CollaborationSummaryApi.SummaryAsync(db, view, id, request, options, ct);
        if (summary is not { } s)
            return TypedResults.NotFound();
        var referrals = s.Tables.Single(t => t.Dimension == Dimensions.ReferringActor).Rows
            .Where(r => Guid.TryParse(r.Key, out _)).ToDictionary(r => Guid.Parse(r.Key), r => r.Total);

        var collaboration = await db.CollaborationFacts.AsNoTracking().FirstOrDefaultAsync(c => c.CollaborationId == id, ct);
        var versions = await db.AgreementVersions.AsNoTracking().Where(v => v.CollaborationId == id).ToListAsync(ct);
        var scores = await db.AssessmentScores.AsNoTracking().Where(a => a.CollaborationId == id).ToListAsync(ct);
        var actorIds = versions.Select(v => v.ActorId).Distinct().ToList();
        var names = await db.ActorFacts.AsNoTracking().Where(a => actorIds.Contains(a.ActorId)).ToDictionaryAsync(a => a.ActorId, a => a.Name, ct);
        var report = AgreementsReportBuilder.Build(id, collaboration, request.Period.To, versions, names, referrals, scores, request.Language, s.SuppressionThreshold);
        if (request.Format == ReportFormat.Json)
            return TypedResults.Ok(report);
        return ReportOutput.File(request.Format, AgreementsExport.Tables(report, request.Language),
            request.Text($"Överenskommelser och skattningar – {report.Name}", $"Agreements and assessments – {report.Name}"),
            $"agreements-{id}-{request.Period.To:yyyy-MM-dd}", request.Language);
    }
}
