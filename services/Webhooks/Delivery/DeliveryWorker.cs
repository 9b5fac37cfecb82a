using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Delivery;

/// <summary>
/// Sends due deliveries. A batch is claimed in one statement (<c>FOR UPDATE SKIP LOCKED</c>) that pushes each row's
/// next attempt past the send's timeout: a second instance skips rows being claimed and then finds them not due, so it
/// never sends the same row at the same time, and a row whose sender died is due again once that lease runs out (at
/// least once). The HTTP call runs outside any transaction; its outcome is written afterwards.
/// </summary>
public sealed partial class DeliveryWorker(IServiceScopeFactory scopes, WebhookSender sender, IOptions<WebhooksOptions> options, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    private readonly WebhooksOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped in the middle of a pass: its claims lapse and are sent again. Thrown on, this would count as
                // the service failing, and the host stops for it (BackgroundServiceExceptionBehavior.StopHost) even
                // when only the worker was stopped.
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(e);
            }
            if (sent >= _options.BatchSize)
                continue; // more may be due at once
            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims due deliveries and sends them; the number claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var ids = await ClaimAsync(ct);
        await Task.WhenAll(ids.Select(id => SendAsync(id, ct)));
        return ids.Count;
    }

    private async Task<List<Guid>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var now = DateTimeOffset.UtcNow;
        var leaseUntil = now + _options.Timeout + TimeSpan.FromSeconds(30);
        var pending = nameof(DeliveryStatus.Pending);
        // The candidates are chosen once (MATERIALIZED), and the UPDATE tests them again: with the candidates as a plain
        // subquery, a row another instance had just claimed and sent could come back to this statement as still due (seen
        // as 8 rows of 60 sent twice by four racing workers, ClaimTests).
        return await db.Database.SqlQuery<Guid>($"""
            WITH due AS MATERIALIZED (
                SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                WHERE d.status = {pending} AND d.next_attempt_at <= {now} AND e.enabled
                ORDER BY d.next_attempt_at
                LIMIT {_options.BatchSize}
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries w SET next_attempt_at = {leaseUntil}
            FROM due
            WHERE w.id = due.id AND w.status = {pending} AND w.next_attempt_at <= {now}
            RETURNING w.id AS "Value"
            """).ToListAsync(ct);
    }

    private async Task SendAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id, ct);
        var endpoint = await db.Endpoints.SingleAsync(e => e.Id == delivery.EndpointId, ct);
        var result = await sender.SendAsync(endpoint.Url, delivery.MessageId, endpoint.SigningSecrets(DateTimeOffset.UtcNow), delivery.Payload, DateTimeOffset.UtcNow, ct);
        var now = DateTimeOffset.UtcNow;
        if (result.Success)
        {
            delivery.Succeeded(result.StatusCode!.Value, now);
        }
        else if (!delivery.FailedAttempt(result.StatusCode, result.Error!, now, _options.Schedule))
        {
            endpoint.Disable(
                $"Delivery {delivery.MessageId} ({delivery.EventType}) failed {delivery.Attempts} times over {_options.RetryWindow.TotalHours:0.##} h; last: {delivery.LastError}",
                now);
            LogEndpointDisabled(endpoint.Id, endpoint.AgencyId, delivery.Attempts);
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(LogLevel.Warning, "A delivery pass failed; the next one retries")]
    private partial void LogPassFailed(Exception e);

    [LoggerMessage(LogLevel.Warning, "Webhook endpoint {EndpointId} of agency {AgencyId} disabled after {Attempts} failed attempts")]
    private partial void LogEndpointDisabled(Guid endpointId, Guid agencyId, int attempts);
}
