using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Gateway.Extensions;

/// <summary>
/// Per-client rate limiting at the edge: one token bucket per agency (from the token) or, for anonymous
/// calls such as the OpenAPI documents, per remote IP address. Limits come from <c>Gateway:RateLimit</c>.
/// </summary>
/// <remarks>
/// With <c>Gateway:Instances</c> gateways side by side, each enforces its share of the limit (the limit and the burst
/// divided by the number of instances, rounded down), so that the sum over all of them can never pass the configured
/// limit, whichever instance each request reaches and with no state shared between them. The price: a client whose
/// requests all land on one instance gets only that share.
/// </remarks>
public static class RateLimiting
{
    /// <summary>The policy the proxy routes name in <see cref="GatewayRoutes"/>.</summary>
    public const string PerClientPolicy = "per-client";

    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests; // the default is 503
            options.OnRejected = WriteRejectionAsync;

            if (settings.PermitsPerSecond <= 0)
            {
                // Switched off (e.g. for benchmarks of the proxy itself): keep the policy so routes resolve.
                options.AddPolicy(PerClientPolicy, _ => RateLimitPartition.GetNoLimiter(default(ClientKey)));
                return;
            }

            // One options instance and one factory delegate for every partition, so choosing a partition
            // allocates nothing per request.
            var bucket = settings.BucketPerInstance(builder.Configuration.GetValue(RateLimitSettings.InstancesKey, 1));
            Func<ClientKey, TokenBucketRateLimiterOptions> factory = _ => bucket;
            options.AddPolicy(PerClientPolicy, context => RateLimitPartition.GetTokenBucketLimiter(ClientKey.Of(context), factory));
        });
        return builder;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"The request rate limit for this client is exceeded. Retry after {seconds} s.",
            },
        });
    }

    /// <summary>
    /// The partition key: the agency for callers with a token, otherwise the remote address. A struct of
    /// references that already exist on the request, so computing it allocates nothing.
    /// </summary>
    private readonly record struct ClientKey(string? Agency, IPAddress? Address)
    {
        public static ClientKey Of(HttpContext context) =>
            context.User.FindFirst(SamverkanClaims.Agency)?.Value is { } agency
                ? new ClientKey(agency, null)
                : new ClientKey(null, context.Connection.RemoteIpAddress);
    }
}

/// <summary>Bound from <c>Gateway:RateLimit</c>.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "Gateway:RateLimit";

    /// <summary>Sustained requests per second per client; 0 or less switches rate limiting off.</summary>
    public int PermitsPerSecond { get; set; } = 2000;

    /// <summary>Requests a client may send at once after being idle; defaults to one second's worth.</summary>
    public int? Burst { get; set; }

    /// <summary>How many gateways run side by side (the AppHost sets it with its replicas); each takes its share.</summary>
    public const string InstancesKey = "Gateway:Instances";

    /// <summary>
    /// One instance's token bucket: 1/<paramref name="instances"/> of the limit and of the burst, rounded down (at least
    /// one permit), so that <paramref name="instances"/> buckets together never let more through than the limit says.
    /// </summary>
    public TokenBucketRateLimiterOptions BucketPerInstance(int instances)
    {
        if (instances < 1)
            throw new InvalidOperationException($"{InstancesKey} must be 1 or more, not {instances}.");
        var permits = Math.Max(1, PermitsPerSecond / instances);
        return new TokenBucketRateLimiterOptions
        {
            TokensPerPeriod = permits,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            TokenLimit = Math.Max(Math.Max(Burst ?? PermitsPerSecond, PermitsPerSecond) / instances, permits),
            QueueLimit = 0, // reject at once: a queued request only holds a connection open longer
            AutoReplenishment = true,
        };
    }
}
