using Samverkan.Participants.Consumers;
using Samverkan.Participants.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Participants.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ParticipantsDbContext>(ResourceNames.ParticipantsDb);
        builder.AddMessaging<ParticipantsDbContext>(ResourceNames.Participants, x => x.AddConsumer<ActorRegisteredConsumer>());
        builder.Services.AddOpenApi();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }
}
