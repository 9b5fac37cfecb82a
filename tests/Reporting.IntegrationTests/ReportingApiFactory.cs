using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>
/// The real Reporting service in-process, on its own fresh database and its own virtual host on the real
/// broker. Tests publish the other services' events on that virtual host, as those services would.
/// </summary>
public sealed class ReportingApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Samverkan.Testing.IdentityProcess _identity = null!;
    private readonly string _virtualHost = $"reporting-tests-{Guid.NewGuid():N}";
    private string _database = "";
    private Samverkan.Testing.Infrastructure _infra = null!;

    /// <summary>How many times each message id has been through a consumer (applied or found in the inbox).</summary>
    public ConsumeLog Consumed { get; } = new();

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _identity = await Samverkan.Testing.IdentityProcess.GetAsync();
        _database = await _infra.CreateDatabaseAsync("reporting");
        await _infra.Broker.CreateVirtualHostAsync(_virtualHost);
        _ = Server; // starts the host: migrations, bus
        Services.GetRequiredService<IBus>().ConnectConsumeObserver(Consumed);
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.ReportingDb}", _database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Messaging}", $"{_infra.RabbitMqConnectionString.TrimEnd('/')}/{_virtualHost}");
        builder.UseSetting("Auth:Authority", _identity.Authority.ToString());
    }

    public HttpClient ClientFor(string role, Guid? agency = null)
    {
        return CreateDefaultClient(_identity.Tokens.Handler(role, agency ?? Guid.NewGuid()));
    }

    /// <summary>Publishes as the owning service's outbox would: under a message id the inbox deduplicates on.</summary>
    public async Task<Guid> PublishAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = id);
        return id;
    }

    /// <summary>As <see cref="PublishAsync{T}"/>, for a message whose type is known only at run time.</summary>
    public async Task<Guid> PublishObjectAsync(object message)
    {
        var id = Guid.NewGuid();
        await Services.GetRequiredService<IBus>().Publish(message, message.GetType(), ctx => ctx.MessageId = id);
        return id;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _infra.DropDatabaseAsync(_database);
        await _infra.Broker.DeleteVirtualHostAsync(_virtualHost);
    }
}

public sealed class ConsumeLog : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();

    public int Count(Guid messageId) => _consumed.GetValueOrDefault(messageId);

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
            _consumed.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;
    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
