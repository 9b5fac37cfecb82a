using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.ServiceDefaults;

/// <summary>
/// What every process of the platform has: telemetry, health endpoints, service discovery, resilient
/// HttpClients, problem details and the JSON conventions, and token validation: Aspire's ServiceDefaults, with
/// the platform's own conventions added.
/// </summary>
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <param name="tokenValidation">
    /// False only for the identity service, which validates the tokens it issues itself (OpenIddict's local validation).
    /// </param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, bool tokenValidation = true) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.AddHttpDefaults();
        builder.Services.AddHttpContextAccessor();
        if (tokenValidation)
            builder.AddDefaultAuthentication();
        return builder;
    }

    /// <summary>
    /// OpenTelemetry logs, traces and metrics, exported over OTLP to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// Without an endpoint nothing is set up: recording spans and metrics that no one collects cost the
    /// gateway a measurable share of its throughput (bench/results). W3C trace context still flows on
    /// HTTP and in the outbox rows either way. Set <c>Telemetry:Enabled=true</c> to record in-process anyway
    /// (for a listener of your own).
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var exportTo = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var enabled = !string.IsNullOrWhiteSpace(exportTo) || builder.Configuration.GetValue<bool>("Telemetry:Enabled");
        if (!enabled)
            return builder;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(InstrumentationOptions.MeterName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(MessagingExtensions.ActivitySourceName)
                .AddSource(DiagnosticHeaders.DefaultListenerName) // MassTransit
                // Health probes would drown the traces that matter.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(exportTo))
            telemetry.UseOtlpExporter();

        return builder;
    }

    private static bool IsProbe(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Request.Path.StartsWithSegments(HealthEndpointPath) || context.Request.Path.StartsWithSegments(AlivenessEndpointPath);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// <c>/health</c>: ready (database, bus and the rest); <c>/alive</c>: the process answers. The gateway
    /// passes its own <paramref name="health"/> options, which report the services behind it instead. Also the
    /// request pipeline every process shares: problem details for errors, and no NUL in a query (<see cref="NulQueryGuard"/>).
    /// </summary>
    /// <param name="errorPage">
    /// For the web UI: the page a person sees when something fails (re-executed, never a stack trace), instead of
    /// problem details, which are for programs.
    /// </param>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, HealthCheckOptions? health = null, string? errorPage = null)
    {
        if (errorPage is null)
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
        }
        else
        {
            app.UseExceptionHandler(errorPage, createScopeForErrors: true);
        }
        app.UseMiddleware<NulQueryGuard>();
        // Probes come every few seconds from the AppHost and the gateway. Their request spans are filtered out above;
        // this keeps the database queries of the checks from showing up as traces of their own.
        app.UseWhen(IsProbe, probe => probe.Use(async (context, next) =>
        {
            using (SuppressInstrumentationScope.Begin())
                await next(context);
        }));
        app.MapHealthChecks(HealthEndpointPath, health ?? new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") })
            .AllowAnonymous().DisableHttpMetrics();
        return app;
    }
}
