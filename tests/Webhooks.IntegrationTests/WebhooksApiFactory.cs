using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.ServiceDefaults;
using Samverkan.Testing;
using Samverkan.Webhooks.Infrastructure;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>
/// The real Webhooks service in-process, on its own database and its own virtual host on the real broker, with a retry
/// schedule of fractions of a second (attempts at about 0, 0.2, 0.6, 1.4, 2.2 s …, within a 2.5 s window) and a 1 s
/// timeout, so that retries, timeouts and disabling happen within a test's few seconds. Receivers are on loopback, which
/// the service accepts over http only because this factory allows it.
/// </summary>
public sealed class WebhooksApiFactory() : ServiceApiFactory<Program>(ResourceNames.WebhooksDb), IAsyncLifetime
{
    public static readonly TimeSpan RetryWindow = TimeSpan.FromSeconds(2.5);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly string _virtualHost = $"webhooks-tests-{Guid.NewGuid():N}";
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), $"samverkan-webhooks-keys-{Guid.NewGuid():N}");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Infra.Broker.CreateVirtualHostAsync(_virtualHost);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", $"{Infra.RabbitMqConnectionString.TrimEnd('/')}/{_virtualHost}");
        builder.UseSetting("Webhooks:AllowLoopbackHttp", "true");
        builder.UseSetting("Webhooks:KeyDirectory", _keyDirectory);
        builder.UseSetting("Webhooks:RetryDelays:0", "00:00:00.2");
        builder.UseSetting("Webhooks:RetryDelays:1", "00:00:00.4");
        builder.UseSetting("Webhooks:RetryDelays:2", "00:00:00.8");
        builder.UseSetting("Webhooks:RetryWindow", RetryWindow.ToString());
        builder.UseSetting("Webhooks:RetryJitter", "0.1");
        builder.UseSetting("Webhooks:Timeout", Timeout.ToString());
        builder.UseSetting("Webhooks:PollInterval", "00:00:00.05");
    }

    /// <summary>Publishes as the owning service's outbox would, and waits until this service has consumed it (its id is in the inbox).</summary>
    public async Task PublishAsync<T>(T message) where T : class
    {
        var messageId = Guid.NewGuid();
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId);
        await Eventually.Until(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WebhooksDbContext>().InboxMessages.AnyAsync(m => m.MessageId == messageId);
        }, WebhookWorld.Patience, $"{typeof(T).Name} {messageId} to be consumed");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Infra.DropDatabaseAsync(Database);
        await Infra.Broker.DeleteVirtualHostAsync(_virtualHost);
        try { Directory.Delete(_keyDirectory, recursive: true); } catch (IOException) { }
    }
}
