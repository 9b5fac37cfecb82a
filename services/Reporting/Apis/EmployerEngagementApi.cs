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

public static class EmployerEngagementApi
{
    public static RouteGroupBuilder MapEmployerEngagementApi(this RouteGroupBuilder api)
    {
        api.MapGet("/employer-engagement", GetEmployerEngagement)
            .RequireAuthorization(ReportAccess.StatisticsReaders)
            .WithSummary("Employers contacted, contacts by agency, offers by kind, placements, and median days to first employer contact.");
        return api;
    }

    /// <summary>Coordinators, admins and the operator; filtered to one collaboration, its own agencies' only (404 to others), as <see cref="ReportAccess"/> says.</summary>
    public static async Task<Results<Ok<EmployerEngagementReport>, FileContentHttpResult, NotFound, ValidationProblem>> GetEmployerEngagement(
        [AsParameters] ReportQuery query, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options, CancellationToken ct,
        [Description("Collaboration id: placements and days to first contact of its participants only.")] string? collaboration = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = query.Parse(errors);
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
        var start = period.From ?? DateOnly.MinValue;
        var end = period.To;

        var contacts = await db.EmployerContacts.AsNoTracking().Where(c => !c.Planned && c.Date >= start && c.Date <= end)
            .Select(c => new { c.EmployerId, c.ActorId }).ToListAsync(ct);
        var agencyIds = contacts.Select(c => c.ActorId).Distinct().ToList();
        var names = await db.ActorFacts.AsNoTracking().Where(a => agencyIds.Contains(a.ActorId)).ToDictionaryAsync(a => a.ActorId, a => a.Name, ct);
        var offers = await db.OfferFacts.AsNoTracking().Where(o => o.PublishedOn >= start && o.PublishedOn <= end).ToListAsync(ct);

        var placementQuery = db.PlacementFacts.AsNoTracking().Where(p => p.StartDate >= start && p.StartDate <= end);
        if (collaborationId is { } id)
            placementQuery = placementQuery.Where(p => db.ParticipantFacts.Any(f => f.ParticipantId == p.ParticipantId && f.CollaborationId == id));
        var placements = await placementQuery.Select(p => new { p.OfferKind, p.Stage }).ToListAsync(ct);

        var histogramQuery = db.ParticipantCounts.AsNoTracking()
            .Where(c => c.Dimension == Dimensions.DaysToFirstContact && c.Day >= start && c.Day <= end);
        if (collaborationId is { } cid)
            histogramQuery = histogramQuery.Where(c => c.CollaborationId == cid);
        var histogram = (await histogramQuery.GroupBy(c => c.Key).Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).ToListAsync(ct))
            .Where(h => h.Count > 0).Select(h => (int.Parse(h.Key, CultureInfo.InvariantCulture), h.Count)).ToList();

        var report = EmployerEngagementBuilder.Build(end, period.From, collaborationId, contacts.Select(c => (c.EmployerId, c.ActorId)).ToList(), names,
            offers, placements.Select(p => (p.OfferKind, p.Stage)).ToList(), histogram, request.Language, threshold);
        if (request.Format == ReportFormat.Json)
            return TypedResults.Ok(report);
        return ReportOutput.File(request.Format, EmployerEngagementExport.Tables(report, request.Language),
            request.Text("Arbetsgivarsamverkan", "Employer engagement"), $"employer-engagement-{end:yyyy-MM-dd}", request.Language);
    }
}
