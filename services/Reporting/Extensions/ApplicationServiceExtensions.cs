using Samverkan.ServiceDefaults.OpenApi;
using MassTransit;
using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Consumers;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Reporting.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ReportingDbContext>(ResourceNames.ReportingDb, ReportingDbContext.ConnectionSettings);
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
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddPlatformApiVersioning();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }
}
