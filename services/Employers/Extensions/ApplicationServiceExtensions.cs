using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Samverkan.Employers.Apis;
using Samverkan.Employers.Consumers;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Employers.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<EmployersDbContext>(ResourceNames.EmployersDb);
        builder.AddMessaging<EmployersDbContext>(ResourceNames.Employers, x =>
        {
            x.AddConsumer<ActorRegisteredConsumer>();
            x.AddConsumer<ActorUpdatedConsumer>();
            x.AddConsumer<ConsentGivenConsumer>();
            x.AddConsumer<ConsentWithdrawnConsumer>();
            x.AddConsumer<ParticipantEnrolledConsumer>();
            x.AddConsumer<ParticipantExitedConsumer>();
            x.AddConsumer<ParticipantErasedConsumer>();
        });
        builder.Services.AddSingleton<MatchingIndex>();
        builder.Services.AddHostedService<MatchingIndexNotices>();
        // Read now, not on first use, so that a missing key stops the start rather than a later request.
        builder.Services.AddSingleton(PseudonymKey.From(builder.Configuration, builder.Environment));
        builder.Services.AddOptions<EmployersOptions>().BindConfiguration(EmployersOptions.Section)
            .Validate(o => o.ContactWindowDays is >= 0 and <= 365, "Employers:ContactWindowDays must be 0–365.").ValidateOnStart();
        builder.Services.AddSingleton<IAuthorizationHandler, EmployerAccessHandler>();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddPlatformApiVersioning();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }
}
