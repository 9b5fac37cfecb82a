using Microsoft.AspNetCore.Http.HttpResults;

using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Optimistic concurrency over HTTP: the row's version travels as a strong ETag on reads and must come back
/// in If-Match on writes. A write without it is 428 (the client never saw a version, so it may be about to
/// overwrite someone else's change); a write with an old one is 412.
/// </summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version}\"";

    public static void Set(HttpContext http, uint version) => http.Response.Headers.ETag = Format(version);

    /// <summary>The version the client last saw, or the problem to return instead.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out uint version, out ProblemHttpResult? problem)
    {
        version = 0;
        problem = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            problem = TypedResults.Problem(
                title: "If-Match is required.",
                detail: "Send the ETag from your last GET in an If-Match header, so a concurrent change is not overwritten.",
                statusCode: StatusCodes.Status428PreconditionRequired);
            return false;
        }
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"' || !uint.TryParse(tag[1..^1], out version))
        {
            problem = Stale();
            return false;
        }
        return true;
    }

    public static ProblemHttpResult Stale() => TypedResults.Problem(
        title: "The resource has changed since you read it.",
        detail: "If-Match does not match the current ETag: GET it again, reapply your change and retry.",
        statusCode: StatusCodes.Status412PreconditionFailed);
}
