using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// The real Employers service in-process, on its own fresh database and its own virtual host on the real broker.
/// The virtual host matters since Employers consumes events: every test class hosts its own Employers, and on a
/// shared virtual host they would share the employers-consent-withdrawn queue and take each other's messages.
/// </summary>
public sealed class EmployersApiFactory() : ServiceApiFactory<Program>(ResourceNames.EmployersDb), IAsyncLifetime
{
    private readonly string _virtualHost = $"employers-tests-{Guid.NewGuid():N}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Infra.Broker.CreateVirtualHostAsync(_virtualHost);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", $"{Infra.RabbitMqConnectionString.TrimEnd('/')}/{_virtualHost}");
        builder.UseSetting("Employers:ContactWindowDays", "14");
        builder.UseSetting("Employers:PseudonymKey", "employers-integration-tests-pseudonym-key");
    }

    /// <summary>Publishes as the owning service's outbox would, once the bus is up (so the consumers' queues exist).</summary>
    public async Task PublishAsync<T>(T message) where T : class
    {
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = Guid.NewGuid());
    }

    /// <summary>
    /// Publishes and waits until the consumer has applied it (its id is in the inbox): for messages whose effect is
    /// that nothing changes, so there is no row to wait for.
    /// </summary>
    public async Task PublishAndWaitConsumedAsync<T>(T message) where T : class
    {
        var messageId = Guid.NewGuid();
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId);
        await Eventually.Until(async () =>
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<EmployersDbContext>().InboxMessages.AnyAsync(m => m.MessageId == messageId);
        }, TimeSpan.FromSeconds(20), $"{typeof(T).Name} {messageId} to be consumed");
    }

    /// <summary>
    /// Publishes and waits until the consumer has returned (the bus's post-consume): after what a consumer does once its
    /// transaction has committed, such as refreshing the matching index, which the inbox row does not wait for.
    /// </summary>
    public async Task PublishAndWaitHandledAsync<T>(T message) where T : class
    {
        var messageId = Guid.NewGuid();
        var bus = Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        var handled = new HandledObserver(messageId);
        using var _ = bus.ConnectConsumeObserver(handled);
        await bus.Publish(message, ctx => ctx.MessageId = messageId);
        await handled.Done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private sealed class HandledObserver(Guid messageId) : IConsumeObserver
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PostConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class
        {
            if (context.MessageId == messageId) Done.TrySetResult();
            return Task.CompletedTask;
        }

        public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception) where TMessage : class
        {
            if (context.MessageId == messageId) Done.TrySetException(exception);
            return Task.CompletedTask;
        }

        public Task PreConsume<TMessage>(ConsumeContext<TMessage> context) where TMessage : class => Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Infra.DropDatabaseAsync(Database);
        await Infra.Broker.DeleteVirtualHostAsync(_virtualHost);
    }
}
