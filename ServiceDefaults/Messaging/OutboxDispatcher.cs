using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows. A row is marked dispatched only after RabbitMQ confirmed it
/// (MassTransit waits for publisher confirms before its Publish completes), so a crash at any point
/// leads to a redelivery, never a loss; consumers' inboxes absorb the duplicate.
/// Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several instances of a service can share one outbox.
/// </summary>
public sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext, IMessagingDbContext
{
    internal static readonly ActivitySource ActivitySource = new(MessagingExtensions.ActivitySourceName);
    private static readonly ConcurrentDictionary<string, Type> Types = new();
    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                // A full batch means more are waiting: go again at once. Otherwise rows committed meanwhile
                // have signalled, so the wait returns straight away for them and costs nothing when idle.
                if (sent >= _options.BatchSize) continue;
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = Backoff(failures);
                logger.LogWarning(ex, "Outbox dispatch failed ({Failures} in a row); retrying in {Delay}", failures, delay);
                try { await Task.Delay(delay, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Publishes one batch; returns how many were confirmed. Throws when any was not.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        List<OutboxMessage> batch;
        // The claim runs every PollInterval whether or not anything waits: untraced, or the dashboard would show a trace
        // of it every few seconds per service. What a batch then does is traced, under each row's own request.
        using (SuppressInstrumentationScope.Begin())
        {
            batch = await db.OutboxMessages
                .FromSql($"SELECT * FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY sequence LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED")
                .AsNoTracking()
                .ToListAsync(cancellationToken);
        }
        if (batch.Count == 0)
            return 0;

        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishTimeout.CancelAfter(_options.PublishTimeout);
        var outcomes = await Task.WhenAll(batch.Select(m => TryPublishAsync(m, publishTimeout.Token)));

        var confirmed = batch.Where((_, i) => outcomes[i] is null).Select(m => m.Id).ToList();
        var failed = batch.Where((_, i) => outcomes[i] is not null).Select(m => m.Id).ToList();
        var now = DateTimeOffset.UtcNow;
        if (confirmed.Count > 0)
            await db.OutboxMessages.Where(m => confirmed.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DispatchedAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (failed.Count > 0)
            await db.OutboxMessages.Where(m => failed.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (failed.Count > 0)
            throw new OutboxDispatchException(failed.Count, batch.Count, outcomes.First(e => e is not null)!);
        return confirmed.Count;
    }

    private async Task<Exception?> TryPublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            var type = ResolveType(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Body, type, Outbox.Json)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty body.");

            // Continue the trace of the request that wrote the row; MassTransit's send activity becomes
            // its child and carries the context on to the consumer.
            ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
            using var activity = ActivitySource.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
            activity?.SetTag("messaging.message.id", row.Id);

            await bus.Publish(message, type, context => context.MessageId = row.Id, cancellationToken);
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static Type ResolveType(string name) =>
        Types.GetOrAdd(name, n => Type.GetType(n, throwOnError: false)
            ?? throw new InvalidOperationException($"Unknown message type '{n}' in the outbox."));

    private TimeSpan Backoff(int failures)
    {
        var ms = Math.Min(_options.MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, Math.Min(failures, 16)));
        return TimeSpan.FromMilliseconds(ms * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}

public sealed class OutboxDispatchException(int failed, int total, Exception first)
    : Exception($"{failed} of {total} outbox messages were not confirmed by the broker: {first.Message}", first);
