using Microsoft.AspNetCore.Mvc;

namespace Samverkan.Web.Api;

/// <summary>
/// Files from the APIs, handed to the browser: the person's token lives in the UI's cookie, not in the browser, so a
/// download link points here and the UI fetches the file from the gateway on their behalf. Only the paths below can
/// be fetched: a report in a file format, and a participant's record export.
/// </summary>
public static class Downloads
{
    public const string Path = "/ladda-ner";

    private static readonly string[] AllowedPrefixes = ["/api/reports/", "/api/participants/"];

    /// <summary>The link for a page to render: <c>/ladda-ner?path=/api/reports/…&amp;format=xlsx</c>.</summary>
    public static string Link(string apiPath, string? format = null)
    {
        var target = format is null ? apiPath : $"{apiPath}{(apiPath.Contains('?') ? '&' : '?')}format={format}";
        return $"{Path}?path={Uri.EscapeDataString(target)}";
    }

    public static WebApplication MapDownloads(this WebApplication app)
    {
        app.MapGet(Path, Download).RequireAuthorization();
        return app;
    }

    internal static bool IsAllowed(string path) =>
        AllowedPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal)) && !path.Contains("..", StringComparison.Ordinal)
        && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\');

    private static async Task<IResult> Download([FromQuery] string? path, GatewayApi api, CancellationToken ct)
    {
        if (path is null || !IsAllowed(path))
            return Results.NotFound();
        var file = await api.DownloadAsync(path, ct);
        if (file.Problem is { } problem)
            return Results.Redirect($"/fel?meddelande={Uri.EscapeDataString(problem.Message)}");
        return Results.File(file.Value!.Content, file.Value.ContentType, file.Value.FileName ?? "samverkan");
    }
}
