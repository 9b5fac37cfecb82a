using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// An endpoint that is going away says so on every answer: <c>Deprecation</c> (RFC 9745: since when, as
/// <c>@unix-seconds</c>), <c>Sunset</c> (RFC 8594: when it stops answering, an HTTP date) and a <c>Link</c> to what
/// replaces it (rel="successor-version"). The OpenAPI documents mark the operation deprecated from the same metadata
/// (<see cref="OpenApi.PlatformOpenApi"/>), so a generated client flags its callers at compile time.
/// </summary>
public sealed record DeprecatedEndpoint(DateTimeOffset Since, DateTimeOffset Sunset, string Successor)
{
    public string DeprecationHeader => "@" + Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    public string SunsetHeader => Sunset.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
    public string LinkHeader => $"<{Successor}>; rel=\"successor-version\"";
}

public static class DeprecationExtensions
{
    public static TBuilder Deprecated<TBuilder>(this TBuilder builder, DateOnly since, DateOnly sunset, string successor)
        where TBuilder : IEndpointConventionBuilder
    {
        var deprecated = new DeprecatedEndpoint(
            new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(sunset.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            successor);
        builder.WithMetadata(deprecated);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers["Deprecation"] = deprecated.DeprecationHeader;
            headers["Sunset"] = deprecated.SunsetHeader;
            headers.Append("Link", deprecated.LinkHeader);
            return await next(context);
        });
        return builder;
    }
}
