using Npgsql;
using RabbitMQ.Client;

namespace Samverkan.Bench.EventBench;

/// <summary>One look at the pipeline's backlog: rows not yet dispatched, and messages waiting in the consumer queues.</summary>
public sealed record BacklogSample(double Seconds, long OutboxPending, long Queued)
{
    public long Total => OutboxPending + Queued;
}

/// <summary>An event's timestamps, joined across the two databases on the message id.</summary>
public sealed record EventTimes(Guid MessageId, Guid ActorId, DateTime CreatedAt, DateTime? DispatchedAt, DateTime? ReceivedAt);

/// <summary>
/// Reads the platform's own tables (Actors' outbox, Reporting's inbox) and the broker's queue depths. The
/// timestamps are written by the services with the same machine clock, so their differences are exact.
/// </summary>
public sealed class PlatformProbe : IAsyncDisposable
{
    private const string ReportingConsumer = "Samverkan.Reporting.Consumers.ActorRegisteredConsumer";

    private readonly NpgsqlDataSource _actors;
    private readonly NpgsqlDataSource _reporting;
    private readonly IConnection _broker;
    private readonly string[] _queues;
    private IChannel _channel;

    private PlatformProbe(NpgsqlDataSource actors, NpgsqlDataSource reporting, IConnection broker, IChannel channel, string[] queues)
    {
        _actors = actors;
        _reporting = reporting;
        _broker = broker;
        _channel = channel;
        _queues = queues;
    }

    public IReadOnlyList<string> Queues => _queues;

    /// <summary>Connects; keeps only the queues that exist (a service that is not running declared none).</summary>
    public static async Task<PlatformProbe> CreateAsync(string actorsDb, string reportingDb, Uri rabbit, IEnumerable<string> queues)
    {
        var broker = await new ConnectionFactory { Uri = rabbit, ClientProvidedName = "samverkan-bench-probe" }.CreateConnectionAsync();
        var existing = new List<string>();
        foreach (var queue in queues)
        {
            await using var probe = await broker.CreateChannelAsync();
            try
            {
                await probe.QueueDeclarePassiveAsync(queue);
                existing.Add(queue);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                Console.Error.WriteLine($"probe: queue {queue} does not exist; not counted");
            }
        }
        return new PlatformProbe(NpgsqlDataSource.Create(actorsDb), NpgsqlDataSource.Create(reportingDb), broker,
            await broker.CreateChannelAsync(), [.. existing]);
    }

    public async Task<BacklogSample> SampleAsync(double seconds)
    {
        var pending = await ScalarAsync(_actors, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL");
        long queued = 0;
        foreach (var queue in _queues)
        {
            try
            {
                queued += (await _channel.QueueDeclarePassiveAsync(queue)).MessageCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                _channel = await _broker.CreateChannelAsync();
            }
        }
        return new BacklogSample(seconds, pending, queued);
    }

    public Task<long> LastOutboxSequenceAsync() => ScalarAsync(_actors, "SELECT coalesce(max(sequence), 0) FROM outbox_messages");

    public Task<long> ReportingInboxCountAsync() =>
        ScalarAsync(_reporting, $"SELECT count(*) FROM inbox_messages WHERE consumer = '{ReportingConsumer}'");

    /// <summary>Every outbox row after <paramref name="afterSequence"/>, with Reporting's receipt time when it has one.</summary>
    public async Task<List<EventTimes>> EventsAfterAsync(long afterSequence)
    {
        var rows = new List<(Guid Id, Guid ActorId, DateTime Created, DateTime? Dispatched)>();
        await using (var cmd = _actors.CreateCommand(
            "SELECT id, (body->>'actorId')::uuid, created_at, dispatched_at FROM outbox_messages WHERE sequence > $1 ORDER BY sequence"))
        {
            cmd.Parameters.AddWithValue(afterSequence);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetDateTime(2),
                    reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
        }

        var received = new Dictionary<Guid, DateTime>(rows.Count);
        await using (var cmd = _reporting.CreateCommand(
            "SELECT message_id, received_at FROM inbox_messages WHERE consumer = $1 AND message_id = ANY($2)"))
        {
            cmd.Parameters.AddWithValue(ReportingConsumer);
            cmd.Parameters.AddWithValue(rows.Select(r => r.Id).ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                received[reader.GetGuid(0)] = reader.GetDateTime(1);
        }

        return rows.Select(r => new EventTimes(r.Id, r.ActorId, r.Created, r.Dispatched,
            received.TryGetValue(r.Id, out var at) ? at : null)).ToList();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource source, string sql)
    {
        await using var cmd = source.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _broker.DisposeAsync();
        await _actors.DisposeAsync();
        await _reporting.DisposeAsync();
    }
}
