using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.Reporting.Model.Export;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Reporting.Apis;

/// <summary>
/// Cross-tables (<see cref="CrossTableReport"/>) of one collaboration, with the access of its summary, or across
/// collaborations (or one), with the access of the regional view (<see cref="ReportAccess"/>). Exact viewers only:
/// suppression is one pattern per scope and month-end (<see cref="ScopePatterns"/>), decided over every table a scope's
/// reports show, and cross-tables (any pair of eight dimensions) are not part of it; a cross-table suppressed on its own
/// could be subtracted from the summary's or the regional view's figures into a hidden cell. So a viewer who would get
/// suppressed figures is answered 403 with a problem saying so, and reads those reports instead.
/// </summary>
public static class CrossTableApi
{
    private const string DimensionDescription =
        "referring-actor, municipality, target-group, age-band, labour-market-status, education-level, benefit-at-start or outcome.";

    // Lean cells (ReportJson.LeanCells), as the regional view's: a cross-table's cells are all exact, so each one's display
    // text and flag would only repeat its count: a line is 15 measures × 4 cells, and writing and sending the JSON is a
    // good part of a page's time (the largest tables, 290 municipalities × another dimension, are pages for that reason).
    private const string PeriodDescription =
        "Periods are whole calendar months: 'from' a month's first day, 'to'/'asOf' a month's last day; without them, everything counted so far. "
        + "JSON holds one page of lines (page, pageSize: 50 by default, 200 at most, as every list), ordered by label, with lineCount for them all; the totals "
        + "line is over every line. CSV, XLSX and SVG hold every line. JSON as documented, except:" + ReportJson.LeanCellsDescription;
    private const string PageDescription = "The page of lines (JSON), from 1.";
    private const string PageSizeDescription = "Lines per page (JSON), 1-200; 50 when absent.";

    public static RouteGroupBuilder MapCrossTableApi(this RouteGroupBuilder api)
    {
        api.MapGet("/collaborations/{id:guid}/cross-table", GetCollaborationCrossTable)
            .RequireAuthorization(ReportAccess.CollaborationReaders)
            .WithSummary("A collaboration's participants by one or two dimensions × gender: started, active, exits by outcome group and outcome.")
            .WithDescription(PeriodDescription);
        api.MapGet("/regional/cross-table", GetRegionalCrossTable)
            .RequireAuthorization(ReportAccess.StatisticsReaders)
            .WithSummary("The same cross-table across all collaborations, or one of them.")
            .WithDescription(PeriodDescription);
        return api;
    }

    public static async Task<Results<JsonReport<CrossTableReport>, FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> GetCollaborationCrossTable(
        Guid id, [AsParameters] ReportQuery query, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options,
        ReportCache cache, ReportJson json, CancellationToken ct,
        [Description("The rows' dimension: " + DimensionDescription)] string? rows = null,
        [Description("A second dimension (optional), crossed with the rows': " + DimensionDescription)] string? columns = null,
        [Description(PageDescription)] int page = 1, [Description(PageSizeDescription)] int pageSize = Paging.DefaultPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (Parse(query, rows, columns, page, pageSize, errors) is not { } request)
            return TypedResults.ValidationProblem(errors);
        var view = await ReportAccess.CollaborationAsync(db, user, id, ct);
        if (view == ReportView.Hidden)
            return TypedResults.NotFound();
        if (request.Report.Threshold(view, options) is not null)
            return OnlyExact();
        return await ReportAsync(id, id, request, db, cache, json, ct);
    }

    public static async Task<Results<JsonReport<CrossTableReport>, FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> GetRegionalCrossTable(
        [AsParameters] ReportQuery query, ClaimsPrincipal user, ReportingDbContext db, IOptions<ReportingOptions> options,
        ReportCache cache, ReportJson json, CancellationToken ct,
        [Description("The rows' dimension: " + DimensionDescription)] string? rows = null,
        [Description("A second dimension (optional), crossed with the rows': " + DimensionDescription)] string? columns = null,
        [Description("Collaboration id: only its participants; all collaborations when absent.")] string? collaboration = null,
        [Description(PageDescription)] int page = 1, [Description(PageSizeDescription)] int pageSize = Paging.DefaultPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var request = Parse(query, rows, columns, page, pageSize, errors);
        var collaborationId = ReportQuery.ParseCollaboration(collaboration, errors);
        if (errors.Count > 0 || request is null)
            return TypedResults.ValidationProblem(errors);
        var view = await ReportAccess.ScopeAsync(db, user, collaborationId, ct);
        if (view == ReportView.Hidden)
            return TypedResults.NotFound();
        if (request.Report.Threshold(view, options) is not null)
            return OnlyExact();
        return await ReportAsync(collaborationId, collaborationId ?? Dimensions.AllCollaborations, request, db, cache, json, ct);
    }

    /// <summary>The answer to a viewer who would get suppressed figures (see the class's summary).</summary>
    private static ProblemHttpResult OnlyExact() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Korstabeller visas bara för den som får se exakta siffror.",
        detail: "Cross-tables are served to viewers entitled to exact figures (the collaboration's coordinators and admins, the operator). "
            + "Others read the summary and the regional view, whose suppression is decided once for all their tables.");

    private sealed record CrossTableRequest(ReportRequest Report, Dimension Rows, Dimension? Columns, DateOnly? From, DateOnly? To, CrossTablePage Page);

    /// <summary>The request, or null with every bad field named: unknown dimensions, and periods that are not whole calendar months.</summary>
    private static CrossTableRequest? Parse(ReportQuery query, string? rows, string? columns, int page, int pageSize, Dictionary<string, string[]> errors)
    {
        var report = query.Parse(errors);
        var rowDimension = CrossTableBuilder.DimensionNamed(rows);
        if (rowDimension is null)
            errors["rows"] = ["Use one of: " + DimensionDescription];
        var columnDimension = columns is null ? null : CrossTableBuilder.DimensionNamed(columns);
        if (columns is not null && columnDimension is null)
            errors["columns"] = ["Use one of: " + DimensionDescription];
        else if (columnDimension is not null && columnDimension == rowDimension)
            errors["columns"] = ["Use a dimension other than the rows'."];
        // The counters are kept per calendar month: a period is whole months.
        if (report is not null)
            query.RequireMonthBoundaries(report.Period, errors,
                "Cross-tables count whole calendar months: use the first day of a month.",
                "Cross-tables count whole calendar months: use the last day of a month.");
        if (errors.Count > 0 || report is null || rowDimension is null)
            return null;
        // Bounded as every list's (Paging): a page past the end is empty.
        var (p, size) = Paging.Bound(page, pageSize);
        return new CrossTableRequest(report, rowDimension, columnDimension, report.Period.From, query.EndField is null ? null : report.Period.To,
            new CrossTablePage(p, size));
    }

    private static async Task<Results<JsonReport<CrossTableReport>, FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> ReportAsync(
        Guid? collaborationId, Guid scope, CrossTableRequest request, ReportingDbContext db, ReportCache cache, ReportJson json,
        CancellationToken ct)
    {
        var language = request.Report.Language;
        // Pairs are stored in the declaration's order; asked the other way round, the keys are swapped back.
        var swapped = request.Columns is { } c && IndexOf(c) < IndexOf(request.Rows);
        var (stored, storedColumns) = swapped ? (request.Columns!, request.Rows) : (request.Rows, request.Columns);
        (string, string) Shown((string Row, string Column) k) => swapped ? (k.Column, k.Row) : k;
        // page null: every line (exports).
        async Task<CrossTableReport?> Build(CrossTablePage? page)
        {
            List<CrossCell> cells;
            Dictionary<Guid, string> actorNames;
            List<(string Row, string Column)> ordered;
            IReadOnlyList<(string Row, string Column)> lines;
            string Label(Dimension dimension, string key) => CrossTableLabels.Key(dimension, key, actorNames, language);
            if (page is null || CrossTableBuilder.HasTotals(request.Rows, request.Columns))
            {
                // The whole table: an export, or one dimension's lines (as many as it has keys; 290 municipalities at most
                // here), whose totals are over them all.
                (cells, actorNames) = await CrossTableReads.ReadAsync(db, scope, stored, storedColumns, request.From, request.To, ct);
                if (swapped)
                    cells = [.. cells.Select(x => x with { RowKey = x.ColumnKey, ColumnKey = x.RowKey })];
                ordered = CrossTableBuilder.Ordered(cells.Select(x => (x.RowKey, x.ColumnKey)), request.Rows, request.Columns, Label);
                lines = page?.Of(ordered) ?? ordered;
            }
            else
            {
                // Two dimensions: every line's keys from the index, then the page's cells only (see CrossTableReads).
                List<(string Row, string Column)> keys;
                (keys, actorNames) = await CrossTableReads.ReadLinesAsync(db, scope, stored, storedColumns, ct);
                ordered = CrossTableBuilder.Ordered(keys.Select(Shown), request.Rows, request.Columns, Label);
                lines = page.Of(ordered);
                cells = lines.Count == 0 ? [] : await CrossTableReads.ReadCellsAsync(db, scope, stored, storedColumns, [.. lines.Select(Shown)],
                    request.From, request.To, ct);
                if (swapped)
                    cells = [.. cells.Select(x => x with { RowKey = x.ColumnKey, ColumnKey = x.RowKey })];
            }
            return CrossTableBuilder.Build(collaborationId, request.Rows, request.Columns, request.From, request.To, lines,
                page ?? new CrossTablePage(1, ordered.Count), ordered.Count, cells, Label, language);
        }
        if (request.Report.Format == ReportFormat.Json)
        {
            var key = new ReportCacheKey(
                $"cross-table:{request.Rows.CrossTable}:{request.Columns?.CrossTable}:{request.Page.Page}:{request.Page.PageSize}", scope, null,
                request.From, request.To ?? DateOnly.MaxValue, language, null);
            return new JsonReport<CrossTableReport>((await cache.GetOrBuildJsonAsync(db, key, () => Build(request.Page), json.LeanCells, ct))!);
        }
        var report = (await Build(null))!;
        return ReportOutput.File(request.Report.Format, CrossTableExport.Tables(report, language),
            request.Report.Text("Korstabell", "Cross-table") + $": {report.RowsLabel}" + (report.ColumnsLabel is { } cl ? $" × {cl}" : ""),
            $"cross-table-{report.Rows}{(report.Columns is null ? "" : "-" + report.Columns)}-{(request.To?.ToString("yyyy-MM-dd") ?? "now")}");
    }

    private static int IndexOf(Dimension d) => Dimensions.Crossed.ToList().IndexOf(d);
}
