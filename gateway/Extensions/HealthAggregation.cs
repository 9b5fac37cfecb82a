using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Samverkan.ServiceDefaults;

namespace Samverkan.Gateway.Extensions;

/// <summary>
/// The gateway's <c>/health</c> answers for the platform: it asks every service's <c>/health</c> (in
/// parallel, each with a short timeout) and is healthy only when all of them are. <c>/alive</c> answers
/// for the gateway process alone.
/// </summary>
public static class HealthAggregation
{
    private const string ServicesTag = "services";
    private const string HttpClientName = "service-health";

    /// <summary>A service slower than this counts as unhealthy: a health probe must answer quickly.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IHostApplicationBuilder AddServiceHealthAggregation(this IHostApplicationBuilder builder)
    {
        // Service discovery comes from the HttpClient defaults (http://actors → services:actors:http:0).
        // Retries do not: a health probe reports what it sees, and retrying would only hide a failure
        // behind the timeout. RemoveAllResilienceHandlers is marked experimental (EXTEXP0001); it is the
        // supported way to undo ConfigureHttpClientDefaults for one client, and only startup code uses it.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        // Health checks run concurrently, each under its registration's timeout.
        var checks = builder.Services.AddHealthChecks();
        foreach (var service in ResourceNames.Services)
        {
            checks.Add(new HealthCheckRegistration(
                service,
                sp => new ServiceHealthCheck(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), service),
                HealthStatus.Unhealthy,
                [ServicesTag],
                CheckTimeout));
        }
        return builder;
    }

    /// <summary>
    /// Options for ServiceDefaults' <c>/health</c> on the gateway: it reports each service rather than
    /// local checks, and is 200 only when every service is fully healthy (a degraded one is worth a look too).
    /// </summary>
    public static HealthCheckOptions Options { get; } = new()
    {
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    /// <summary><c>{ status, services: { actors: { status, description?, durationMs, checks? } } }</c></summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            services = report.Entries
                .Where(e => e.Value.Tags.Contains(ServicesTag))
                .ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description ?? e.Value.Exception?.Message,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                    checks = e.Value.Data.TryGetValue(ServiceHealthCheck.ChecksKey, out var inner) ? inner : null,
                }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonOptions, context.RequestAborted);
    }
}

/// <summary>
/// One service's health, read from its own <c>/health</c>. The service's individual checks (database,
/// bus …) are passed along so the gateway's answer says why a service is unhealthy.
/// </summary>
internal sealed class ServiceHealthCheck(HttpClient http, string service) : IHealthCheck
{
    public const string ChecksKey = "checks";

    private readonly Uri _healthUri = new($"http://{service}/health");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(_healthUri, cancellationToken);
            var data = await ReadChecksAsync(response, cancellationToken);
            if (!response.IsSuccessStatusCode)
                return new HealthCheckResult(context.Registration.FailureStatus, $"{service} answered {(int)response.StatusCode}.", data: data);
            // A service that is up but degraded answers 200 and says so in its body.
            return data.TryGetValue("status", out var status) && status is "Degraded"
                ? HealthCheckResult.Degraded(data: data)
                : HealthCheckResult.Healthy(data: data);
        }
        catch (HttpRequestException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{service} is unreachable: {ex.Message}");
        }
    }

    /// <summary>The body of ServiceDefaults' health writer: { status, checks }. Anything else is ignored.</summary>
    private static async Task<IReadOnlyDictionary<string, object>> ReadChecksAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            return new Dictionary<string, object>();
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var data = new Dictionary<string, object>();
            if (json.RootElement.TryGetProperty("status", out var status) && status.GetString() is { } text)
                data["status"] = text;
            if (json.RootElement.TryGetProperty(ChecksKey, out var checks))
                data[ChecksKey] = checks.Clone();
            return data;
        }
        catch (JsonException)
        {
            return new Dictionary<string, object>();
        }
    }
}
