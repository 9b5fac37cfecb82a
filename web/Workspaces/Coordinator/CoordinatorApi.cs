namespace Samverkan.Web.Workspaces.Coordinator;

/// <summary>
/// The API paths the coordinator's pages read, in one place, with the report period as the pages pass it on.
/// The period goes to the API as the person typed it: Reporting validates it and its messages are shown at the fields.
/// </summary>
public static class CoordinatorApi
{
    public const int PageSize = 50, MaxPageSize = 200;
    public static string Collaborations(int page, int pageSize = PageSize) => $"/api/collaborations?page={page}&pageSize={pageSize}";
    public static string Summary(Guid id, ReportPeriodQuery period) => period.AppendTo($"/api/reports/collaborations/{id}/summary");
    public static string Regional(string? collaboration, string? municipality, ReportPeriodQuery period) =>
        period.AppendTo("/api/reports/regional" + Query(("collaboration", collaboration), ("municipality", municipality)));
    public static string AgreementsReport(Guid id, string? asOf) =>
        $"/api/reports/collaborations/{id}/agreements" + Query(("asOf", asOf));
    public static string GovernanceWarnings(Guid id) => $"/api/collaborations/{id}/governance/warnings";
    /// <summary>
    /// The registry's actors, for the names of the members a warning concerns: one call for all of them (the list
    /// has no filter by id), at the largest page the API gives.
    /// </summary>
    public static string Actors => $"/api/actors?pageSize={MaxPageSize}";
    public static string Assessment(Guid id) => $"/api/collaborations/{id}/assessment";
    public static string Rebuilds => "/api/reports/admin/rebuilds";
    public static string Rebuild(Guid id) => $"/api/reports/admin/rebuilds/{id}";

    /// <summary>A query string of the parameters that have a value (empty when none has).</summary>
    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!.Trim())}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join('&', given);
    }
}

/// <summary>A report's period as the page's query string carries it (<c>?from=…&amp;to=…</c>).</summary>
public sealed record ReportPeriodQuery(string? From, string? To)
{
    public string AppendTo(string path)
    {
        var query = CoordinatorApi.Query(("from", From), ("to", To));
        return query.Length == 0 ? path : path + (path.Contains('?') ? "&" + query[1..] : query);
    }
}
