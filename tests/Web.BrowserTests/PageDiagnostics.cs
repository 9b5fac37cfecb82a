using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Samverkan.Web.BrowserTests;

/// <summary>
/// What a page said that a failing test should show: console errors, uncaught script errors, failed requests and
/// answers of status 500 or more. Attach one right after the page is made; put it (ToString) in assertion messages.
/// </summary>
public sealed class PageDiagnostics
{
    private readonly ConcurrentQueue<string> _lines = new();

    public PageDiagnostics(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _lines.Enqueue($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => _lines.Enqueue($"script error: {error}");
        page.RequestFailed += (_, request) => _lines.Enqueue($"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 500)
                _lines.Enqueue($"server error: {response.Status} {response.Request.Method} {response.Url}");
        };
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>
    /// What no page should cause: script errors, console errors and answers of 500 or more. Not failed requests (a navigation
    /// may abort one on purpose), nor the console's "Failed to load resource" for a 4xx (the browser's own /favicon.ico
    /// asks for what no page names, and a refused sign-in answers 401 by design); a 5xx among those is listed as a server error.
    /// </summary>
    public IReadOnlyList<string> Errors =>
        [.. _lines.Where(l => !l.StartsWith("request failed", StringComparison.Ordinal) && !l.StartsWith("console error: Failed to load resource", StringComparison.Ordinal))];

    public override string ToString() => _lines.IsEmpty ? "The page reported no errors." : "The page reported:\n" + string.Join('\n', _lines);
}
