using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>
/// Each service connects as its own user with the permissions of BusPermissions (docs/decisions/0005-bus-trust.md), on a
/// virtual host of this test's own: Actors publishes ActorRegistered through the real outbox and Participants consumes it
/// through the real building block, each with nothing more than its own rights; and neither can publish the other's
/// events or read the other's queues (RabbitMQ answers ACCESS_REFUSED, 403).
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class BusPermissionTests : IAsyncLifetime
{
    private const ushort AccessRefused = 403;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly string ParticipantsQueue = new KebabCaseEndpointNameFormatter(ResourceNames.Participants, includeNamespace: false)
        .Consumer<ActorRegisteredProbe>();
    private const string ActorRegisteredExchange = "Samverkan.Contracts.Actors:ActorRegistered";

    private readonly string _virtualHost = $"bus-trust-{Guid.NewGuid():N}"[..22];
    private readonly Dictionary<string, string> _brokers = [];
    private readonly List<string> _databases = [];
    private readonly List<MessagingHost> _hosts = [];
    private Infrastructure _infra = null!;

    public async Task InitializeAsync()
    {
        _infra = await Infrastructure.GetAsync();
        await _infra.Broker.CreateVirtualHostAsync(_virtualHost);
        foreach (var service in new[] { ResourceNames.Actors, ResourceNames.Participants })
        {
            var permissions = BusPermissions.For(service, $"{_virtualHost}-{service}", BusPermissions.EventsNamespace);
            var password = await _infra.Broker.CreateUserAsync(_virtualHost, permissions);
            _brokers[service] = new UriBuilder(_infra.RabbitMqConnectionString)
                { UserName = permissions.User, Password = password, Path = "/" + _virtualHost }.Uri.ToString();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        foreach (var database in _databases)
            await _infra.DropDatabaseAsync(database);
        await _infra.Broker.DeleteVirtualHostAsync(_virtualHost);
        foreach (var service in _brokers.Keys)
            await _infra.Broker.DeleteUserAsync($"{_virtualHost}-{service}");
    }

    [Fact]
    public async Task Each_service_publishes_and_consumes_its_own_as_its_own_user()
    {
        // Participants declares its queue and binds it to Actors' event exchange as itself (what its set-up run does).
        var participants = await StartAsync(ResourceNames.Participants, x => x.AddConsumer<ActorRegisteredProbe>());
        var actors = await StartAsync(ResourceNames.Actors, _ => { });

        var eventId = Guid.NewGuid();
        await using (var scope = actors.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.AddIntegrationEvent(new ActorRegistered
            {
                ActorId = eventId, Name = "Arbetsförmedlingen", OrganisationNumber = "202100-2114",
                Sector = ActorSector.Public, Kind = ActorKind.EmploymentService, RegisteredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        // The outbox row id is the message id: published by Actors' user, consumed by Participants' user.
        var messageId = await Eventually.Until(async () =>
        {
            await using var scope = actors.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            return await db.OutboxMessages.Where(m => m.DispatchedAt != null).Select(m => (Guid?)m.Id).SingleOrDefaultAsync();
        }, id => id is not null, Deadline, "Actors' outbox to publish ActorRegistered");
        await Eventually.Until(() => Task.FromResult(participants.ConsumeLog.Count(messageId!.Value)), n => n == 1, Deadline,
            "Participants to consume ActorRegistered");
    }

    [Fact]
    public async Task A_service_cannot_publish_another_services_event()
    {
        await StartAsync(ResourceNames.Participants, x => x.AddConsumer<ActorRegisteredProbe>()); // the exchange exists

        await using var connection = await ConnectAsync(ResourceNames.Participants);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            channel.BasicPublishAsync(ActorRegisteredExchange, "", true, new BasicProperties(), "{}"u8.ToArray()).AsTask());
        Assert.Equal(AccessRefused, ReplyCode(refused, channel) ?? 0);
    }

    [Fact]
    public async Task A_service_cannot_consume_another_services_queue_nor_bind_to_it()
    {
        await StartAsync(ResourceNames.Participants, x => x.AddConsumer<ActorRegisteredProbe>()); // the queue exists

        await using var connection = await ConnectAsync(ResourceNames.Actors);
        await using (var channel = await connection.CreateChannelAsync())
        {
            var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() =>
                channel.BasicConsumeAsync(ParticipantsQueue, autoAck: false, new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel)));
            Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode ?? 0);
        }
        await using (var channel = await connection.CreateChannelAsync())
        {
            var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => channel.BasicGetAsync(ParticipantsQueue, autoAck: true));
            Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode ?? 0);
        }
        await using (var channel = await connection.CreateChannelAsync())
        {
            // Binding its own event's exchange into Participants' queue would be publishing into it.
            var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() =>
                channel.QueueBindAsync(ParticipantsQueue, "Samverkan.Contracts.Actors:ActorUpdated", ""));
            Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode ?? 0);
        }
    }

    private async Task<MessagingHost> StartAsync(string service, Action<IBusRegistrationConfigurator> consumers)
    {
        var database = await _infra.CreateDatabaseAsync($"bustrust_{service}");
        _databases.Add(database);
        var host = await MessagingHost.StartAsync(_infra, database, service,
            new Dictionary<string, string?> { [$"ConnectionStrings:{ResourceNames.Messaging}"] = _brokers[service] }, consumers);
        _hosts.Add(host);
        return host;
    }

    private Task<IConnection> ConnectAsync(string service) =>
        new ConnectionFactory { Uri = new Uri(_brokers[service]), AutomaticRecoveryEnabled = false }.CreateConnectionAsync();

    /// <summary>The broker's answer: in the exception, or in how it closed the channel.</summary>
    private static ushort? ReplyCode(Exception e, IChannel channel) =>
        e is OperationInterruptedException { ShutdownReason: { } reason } ? reason.ReplyCode
        : e is RabbitMQ.Client.Exceptions.PublishException && channel.CloseReason is { } closed ? closed.ReplyCode
        : channel.CloseReason?.ReplyCode;
}

/// <summary>Participants' consumer of ActorRegistered, as far as the bus can tell: its queue is participants-actor-registered-probe.</summary>
public sealed class ActorRegisteredProbe : IConsumer<ActorRegistered>
{
    public Task Consume(ConsumeContext<ActorRegistered> context) => Task.CompletedTask;
}
