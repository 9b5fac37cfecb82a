using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Actors.Consumers;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Actors.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ActorsDbContext>(ResourceNames.ActorsDb);
        builder.AddMessaging<ActorsDbContext>(ResourceNames.Actors, x =>
        {
            x.AddConsumer<ParticipantEnrolledConsumer>();
            x.AddConsumer<ParticipantErasedConsumer>();
            x.AddConsumer<MonthlyHoursRecordedConsumer>();
            x.AddConsumer<ParticipantsCopiesReplayConsumer>();
            x.AddConsumer<EmployersCopiesReplayConsumer>();
        });
        builder.Services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.Section)
            .Validate(o => o.DivergentSpread is >= 1 and <= 4 && o.DivergentMinAnswers >= 2 && o.FallingDrop > 0,
                "Assessment: divergentSpread 1–4, divergentMinAnswers ≥ 2, fallingDrop > 0.")
            .ValidateOnStart();
        builder.Services.AddOptions<GovernanceOptions>().BindConfiguration(GovernanceOptions.Section)
            .Validate(o => o.SteeringGroupMeetingIntervalMonths >= 1, "Governance: steeringGroupMeetingIntervalMonths ≥ 1.")
            .ValidateOnStart();
        builder.Services.AddOptions<CoFinancingOptions>().BindConfiguration(CoFinancingOptions.Section)
            .Validate(o => o.ShortfallWarningShare is >= 0 and < 1, "CoFinancing: shortfallWarningShare from 0 to below 1.")
            .ValidateOnStart();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddPlatformApiVersioning();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }
}
