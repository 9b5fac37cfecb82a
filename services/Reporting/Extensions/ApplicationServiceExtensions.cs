using Samverkan.Reporting.Consumers;
using Samverkan.Reporting.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ReportingDbContext>(ResourceNames.ReportingDb);
        builder.AddMessaging<ReportingDbContext>(ResourceNames.Reporting, x => x.AddConsumer<ActorRegisteredConsumer>());
        builder.Services.AddOpenApi();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }
}
