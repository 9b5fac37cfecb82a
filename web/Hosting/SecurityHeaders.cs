namespace Samverkan.Web.Hosting;

/// <summary>
/// Headers every page gets: not to be framed by another site (clickjacking), no content-type guessing, no full URL
/// in the Referer to other sites (a participant's id is in some paths), and no caching of pages that hold personal data.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
            if (!context.Request.Path.StartsWithSegments("/_framework") && !context.Request.Path.StartsWithSegments("/_content")
                && !Path.HasExtension(context.Request.Path.Value))
                headers.CacheControl = "no-store";
            return next(context);
        });
        return app;
    }
}
