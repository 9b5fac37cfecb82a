using Samverkan.Actors.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ActorsDbContext>(ResourceNames.ActorsDb);
        builder.AddMessaging<ActorsDbContext>(ResourceNames.Actors);
        builder.Services.AddOpenApi();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }
}
