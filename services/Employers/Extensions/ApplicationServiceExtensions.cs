using Samverkan.Employers.Consumers;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<EmployersDbContext>(ResourceNames.EmployersDb);
        builder.AddMessaging<EmployersDbContext>(ResourceNames.Employers, x => x.AddConsumer<ActorRegisteredConsumer>());
        builder.Services.AddOpenApi();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }
}
