using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.DataProtection;
using Samverkan.Participants.Consumers;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Participants.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<ParticipantsDbContext>(ResourceNames.ParticipantsDb);
        builder.AddMessaging<ParticipantsDbContext>(ResourceNames.Participants, x =>
        {
            x.AddConsumer<ActorRegisteredConsumer>();
            x.AddConsumer<ActorUpdatedConsumer>();
            x.AddCollaborationConsumers();
        });
        builder.AddIdentityProtection();
        builder.AddRecordRetention();
        // Scoped: the check reads the collaboration's owner from the request's DbContext.
        builder.Services.AddScoped<IAuthorizationHandler, ParticipantAccessHandler>();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddPlatformApiVersioning();
        // Called here, not in ServiceDefaults: the validation source generator registers the types of the
        // assembly that makes this call.
        builder.Services.AddValidation();
    }

    /// <summary>
    /// Data Protection with its key ring in <c>Participants:KeyDirectory</c> (never the database; in Development it
    /// defaults to a folder under the temp directory), and the lookup HMAC key from <c>Participants:LookupKey</c>.
    /// Both must be configured outside Development.
    /// </summary>
    private static void AddIdentityProtection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ParticipantsSecurityOptions.Section).Get<ParticipantsSecurityOptions>()
            ?? new ParticipantsSecurityOptions();
        if (string.IsNullOrWhiteSpace(options.LookupKey) && builder.Environment.IsDevelopment())
            options.LookupKey = ParticipantsSecurityOptions.DevelopmentLookupKey;
        if (string.IsNullOrWhiteSpace(options.LookupKey) || options.LookupKey.Length < 32)
            throw new InvalidOperationException(
                "Participants:LookupKey must be configured with at least 32 characters (environment variable Participants__LookupKey).");
        // Losing the key ring loses every encrypted number, so outside Development its place must be chosen.
        if (string.IsNullOrWhiteSpace(options.KeyDirectory) && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                "Participants:KeyDirectory must be configured outside Development (environment variable Participants__KeyDirectory): "
                + "a persistent, backed-up directory outside the database that holds the Data Protection keys.");
        var keyDirectory = string.IsNullOrWhiteSpace(options.KeyDirectory)
            ? Path.Combine(Path.GetTempPath(), "samverkan", "participants-keys")
            : options.KeyDirectory;

        builder.Services.AddDataProtection()
            .SetApplicationName("Samverkan.Participants")
            .PersistKeysToFileSystem(new DirectoryInfo(keyDirectory));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IdentityProtector>();
    }
}
