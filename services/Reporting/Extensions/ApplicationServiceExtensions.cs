using MassTransit;
using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Consumers;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Reports read a few hundred rows through prepared statements (auto-prepare), written for generic plans: one
        // branch per index range, every bound a parameter. Left to choose, PostgreSQL planned the counts query afresh on
        // every execution (its generic estimates for a whole scope looked dearer than each custom plan), ~1.4 ms of a
        // period's 3.3 at 1,000,000 participants; and a generic plan's estimates can cross the parallel threshold, where
        // starting workers took ~8 ms for a query that then read nothing (the regional view's rows dated after an as-of
        // date). So: generic plans, no parallel workers. The rebuild turns workers on again for its aggregations.
        builder.AddServiceDbContext<ReportingDbContext>(ResourceNames.ReportingDb, settings =>
            settings.Options = $"{settings.Options} -c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0".Trim());
        builder.AddMessaging<ReportingDbContext>(ResourceNames.Reporting, x =>
        {
            // Every consumer in this assembly: none forgotten when one is added.
            x.AddConsumers(typeof(ParticipantEnrolledConsumer).Assembly);
        });
        builder.Services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section)
            .Validate(o => o.SuppressionThreshold >= 1, "Reporting:SuppressionThreshold must be at least 1.")
            .Validate(o => o.ReportCacheMegabytes >= 1, "Reporting:ReportCacheMegabytes must be at least 1.").ValidateOnStart();
        builder.Services.AddSingleton<RebuildRunner>();
        builder.Services.AddSingleton<ReportCache>();
        builder.Services.AddSingleton<ReportJson>();
        builder.Services.AddOpenApi();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }
}
