using System.Collections.Concurrent;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>What waits in one of the service's dead-letter queues.</summary>
/// <param name="Queue">The consumer's queue the messages came from.</param>
/// <param name="Faulted">Messages in <c>{queue}_error</c>: their consumer failed after every retry.</param>
/// <param name="Skipped">Messages in <c>{queue}_skipped</c>: the queue had no consumer for their type.</param>
public sealed record DeadLetterQueue(string Queue, uint Faulted, uint Skipped);

/// <summary>
/// The service's dead letters: MassTransit moves a message whose consumer failed after the bounded retry into
/// <c>{queue}_error</c> (with the exception in its headers) and never acknowledges it silently; nothing took it out
/// again. This counts them per queue and, once the cause is fixed, moves them back into their queue. The messages keep
/// their ids, so a message that had an effect after all is a no-op on its second arrival (the inbox). Only the
/// service's own receive queues are known here, and the service's own bus user may read and write exactly those
/// (docs/decisions/0005-bus-trust.md), so it needs no broker administrator.
/// </summary>
public sealed class DeadLetters(RabbitMqConnection broker, string serviceName) : IReceiveEndpointObserver
{
    private const string ErrorSuffix = "_error";
    private const string SkippedSuffix = "_skipped";
    private readonly ConcurrentDictionary<string, byte> _queues = new(StringComparer.Ordinal);

    /// <summary>The consumers' queues of this service, as MassTransit reported them ready.</summary>
    public IReadOnlyList<string> Queues => _queues.Keys.Order(StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<DeadLetterQueue>> ListAsync(CancellationToken ct)
    {
        await using var connection = await ConnectAsync(ct);
        var result = new List<DeadLetterQueue>();
        foreach (var queue in Queues)
            result.Add(new DeadLetterQueue(queue, await CountAsync(connection, queue + ErrorSuffix, ct), await CountAsync(connection, queue + SkippedSuffix, ct)));
        return result;
    }

    /// <summary>
    /// Moves up to <paramref name="limit"/> messages from <c>{queue}_error</c> back into <paramref name="queue"/>; null
    /// when the queue is not one of this service's. Each is published with a broker confirm before it is acknowledged in
    /// the error queue, so a crash in between leaves a copy in both (the inbox makes the second a no-op), never in neither.
    /// </summary>
    public async Task<int?> RequeueAsync(string queue, int limit, CancellationToken ct)
    {
        if (!_queues.ContainsKey(queue))
            return null;
        await using var connection = await ConnectAsync(ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        if (await CountAsync(connection, queue + ErrorSuffix, ct) == 0)
            return 0;
        var moved = 0;
        while (moved < limit && await channel.BasicGetAsync(queue + ErrorSuffix, autoAck: false, ct) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties)
            {
                // The fault's headers described the last failure; the message goes back as it was first sent.
                Headers = message.BasicProperties.Headers?
                    .Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            // MassTransit puts an exchange of the queue's name in front of each queue; publishing there reaches only it.
            await channel.BasicPublishAsync(queue, "", mandatory: true, properties, message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }

    private static async Task<uint> CountAsync(IConnection connection, string queue, CancellationToken ct)
    {
        // A passive declare fails the channel when the queue does not exist (MassTransit makes them on first use).
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, ct)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    private Task<IConnection> ConnectAsync(CancellationToken ct) => new ConnectionFactory
    {
        HostName = broker.Host,
        Port = broker.Port,
        VirtualHost = broker.VirtualHost,
        UserName = broker.Username,
        Password = broker.Password,
        Ssl = new SslOption { Enabled = broker.UseTls, ServerName = broker.Host },
        ClientProvidedName = "dead-letters",
    }.CreateConnectionAsync(ct);

    public Task Ready(ReceiveEndpointReady ready)
    {
        // The consumers' queues carry the service's name (MessagingExtensions' endpoint names); the bus's own reply
        // queue, temporary and per process, does not, and nothing dead-letters there.
        var queue = ready.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
        if (queue.StartsWith(serviceName + "-", StringComparison.Ordinal))
            _queues.TryAdd(queue, 0);
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;
    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
