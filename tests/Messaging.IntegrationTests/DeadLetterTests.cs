using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>The dead-letter view (counts per queue, requeue after a fix) and quorum queues by configuration.</summary>
public sealed class DeadLetterTests : MessagingTestBase
{
    [Fact]
    public async Task A_dead_letter_is_counted_and_after_the_fix_requeued_and_consumed_once()
    {
        var poison = new PoisonArrived { EventId = Guid.NewGuid() };
        var broken = await StartHostAsync(); // FailingConsumer fails every time: the message ends in _error
        var queue = broken.QueueOf<FailingConsumer>();
        // Published on a thread of its own: MassTransit's log context is an AsyncLocal that Publish sets in the caller's
        // flow, and it would outlive this host into the next one's start.
        await Task.Run(() => broken.Services.GetRequiredService<IBus>().Publish(poison));
        await Eventually.Until(() => broken.MessagesInQueueAsync(queue + "_error"), n => n == 1, Deadline, "the message in " + queue + "_error");

        var listed = await broken.Services.GetRequiredService<DeadLetters>().ListAsync(CancellationToken.None);
        Assert.Equal(new DeadLetterQueue(queue, 1, 0), Assert.Single(listed, q => q.Queue == queue));
        Assert.Contains(listed, q => q.Queue == broken.QueueOf<RecordingConsumer>() && q.Faulted == 0);
        await StopHostAsync(broken);

        // The fixed release: a consumer of the same message on the same queue that no longer fails.
        await using var fixedHost = await MessagingHost.StartAsync(Infra, Database, Service,
            consumers: x => x.AddConsumer<FixedConsumer>().Endpoint(e => e.Name = queue));
        var deadLetters = fixedHost.Services.GetRequiredService<DeadLetters>();

        Assert.Null(await deadLetters.RequeueAsync("another-service-queue", 10, CancellationToken.None));
        Assert.Equal(1, await deadLetters.RequeueAsync(queue, 10, CancellationToken.None));

        await Eventually.Until(() => QueryAsync(fixedHost, db => db.Effects.CountAsync(e => e.EventId == poison.EventId)),
            n => n == 1, Deadline, "the requeued message to be consumed");
        Assert.Equal(0u, await fixedHost.MessagesInQueueAsync(queue + "_error"));
        var after = await deadLetters.ListAsync(CancellationToken.None);
        Assert.True(after.Count == 1, "the fixed release's one queue, not the bus's temporary one: " + string.Join(", ", after));
        Assert.Equal(new DeadLetterQueue(queue, 0, 0), after[0]);
        Assert.Equal(0, await deadLetters.RequeueAsync(queue, 10, CancellationToken.None));
        Assert.Equal(1, await QueryAsync(fixedHost, db => db.Effects.CountAsync(e => e.EventId == poison.EventId)));
    }

    [Fact]
    public async Task With_quorum_queues_configured_the_consumer_and_error_queues_are_quorum_queues()
    {
        var host = await StartHostAsync(new Dictionary<string, string?> { ["Messaging:QuorumQueues"] = "true" });
        var queue = host.QueueOf<FailingConsumer>();
        await Task.Run(() => host.Services.GetRequiredService<IBus>().Publish(new PoisonArrived { EventId = Guid.NewGuid() }));
        await Eventually.Until(() => host.MessagesInQueueAsync(queue + "_error"), n => n == 1, Deadline, "the message in " + queue + "_error");

        foreach (var name in new[] { queue, queue + "_error" })
        {
            // A queue's type is fixed: declaring it again as the other type is refused (406), as the same type accepted.
            Assert.Equal(406, await DeclareAsAsync(name, "classic"));
            Assert.Equal(200, await DeclareAsAsync(name, "quorum"));
        }
    }

    /// <summary>The broker's answer to declaring <paramref name="queue"/> durable with x-queue-type <paramref name="type"/>: 200 or the refusal's code.</summary>
    private async Task<int> DeclareAsAsync(string queue, string type)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(Infra.RabbitMqConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = type });
            return 200;
        }
        catch (OperationInterruptedException ex)
        {
            return ex.ShutdownReason?.ReplyCode ?? -1;
        }
    }
}

/// <summary>The release that fixed <see cref="FailingConsumer"/>: the same message now has its effect.</summary>
public sealed class FixedConsumer(TestDbContext db) : IdempotentConsumer<PoisonArrived, TestDbContext>(db)
{
    protected override Task HandleAsync(PoisonArrived message, ConsumeContext<PoisonArrived> context)
    {
        Db.Effects.Add(new Effect { EventId = message.EventId, MessageId = context.MessageId!.Value });
        return Task.CompletedTask;
    }
}
