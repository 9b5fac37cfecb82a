using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Data;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Webhooks.Consumers;
using Samverkan.Webhooks.Delivery;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Extensions;

internal static class ApplicationServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<WebhooksDbContext>(ResourceNames.WebhooksDb);
        // One consumer per offered event type (EventTypes.All); WebhooksConsumersTests checks none is missing.
        builder.AddMessaging<WebhooksDbContext>(ResourceNames.Webhooks, x => x.AddConsumers(typeof(WebhookConsumer<>).Assembly));
        builder.Services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.RetryWindow > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.BatchSize > 0
                && o.RetryDelays.All(d => d > TimeSpan.Zero) && o.RetryJitter is >= 0 and < 1, "Webhooks: timeouts, delays and sizes must be positive, the jitter 0–1.")
            .ValidateOnStart();
        builder.AddSecretProtection();
        builder.Services.AddSingleton(sp => new EndpointAddress(sp.GetRequiredService<IOptions<WebhooksOptions>>().Value.AllowLoopbackHttp));
        builder.Services.AddSingleton(sp => new WebhookSender(sp.GetRequiredService<EndpointAddress>(), sp.GetRequiredService<IOptions<WebhooksOptions>>().Value.Timeout));
        if (!ServiceSetup.IsSetupOnly(builder.Configuration))
            builder.Services.AddHostedService<DeliveryWorker>();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddPlatformApiVersioning();
        builder.Services.AddValidation();
    }

    /// <summary>
    /// Data Protection for endpoint secrets, its key ring in <c>Webhooks:KeyDirectory</c>: losing it loses every secret
    /// (agencies would have to rotate), so outside Development its place must be chosen; in Development a folder under
    /// the temp directory.
    /// </summary>
    private static void AddSecretProtection(this IHostApplicationBuilder builder)
    {
        var keyDirectory = builder.Configuration[$"{WebhooksOptions.Section}:{nameof(WebhooksOptions.KeyDirectory)}"];
        if (string.IsNullOrWhiteSpace(keyDirectory))
            keyDirectory = builder.Environment.IsDevelopment()
                ? Path.Combine(Path.GetTempPath(), "samverkan", "webhooks-keys")
                : throw new InvalidOperationException(
                    "Webhooks:KeyDirectory must be configured outside Development (environment variable Webhooks__KeyDirectory): "
                    + "a persistent, backed-up directory outside the database that holds the keys encrypting endpoint secrets.");
        builder.Services.AddDataProtection()
            .SetApplicationName("Samverkan.Webhooks")
            .PersistKeysToFileSystem(new DirectoryInfo(keyDirectory));
        builder.Services.AddSingleton<SecretProtector>();
    }
}
