using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Samverkan.Employers.Infrastructure;

/// <summary>
/// Keeps the <see cref="MatchingIndex"/> of every Employers instance in step. A change that can make a participant
/// matchable or not is consumed by one instance only (the instances share the queues, as competing consumers), so
/// whoever commits it also says so on PostgreSQL's <c>matching_index</c> channel (<see cref="NotifyAsync"/>); every
/// other instance listens and re-reads the participants named (the sender re-reads them itself once it has committed,
/// so that its own next match sees the change at once). A notification sent inside a transaction is
/// delivered when it commits and dropped when it rolls back, so a listener never re-reads before the change is
/// there. While an instance is not listening (at its start, after a lost connection) it may miss some: it then
/// drops its whole index, which the next match loads afresh from the database.
/// </summary>
public sealed class MatchingIndexNotices(MatchingIndex index, IServiceScopeFactory scopes, ILogger<MatchingIndexNotices> logger) : BackgroundService
{
    public const string Channel = "matching_index";

    private readonly Channel<Guid> _received = System.Threading.Channels.Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Tells the other instances that these participants changed: in the caller's transaction when it has one. The
    /// payload is <c>{sender}:{participant}</c>, the sender being <paramref name="own"/>'s instance, which skips its own.
    /// </summary>
    public static async Task NotifyAsync(EmployersDbContext db, MatchingIndex own, IReadOnlyCollection<Guid> participantIds, CancellationToken ct)
    {
        foreach (var id in participantIds)
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {$"{own.Instance:N}:{id:N}"})", ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var refreshing = Task.Run(() => RefreshLoopAsync(stoppingToken), stoppingToken);
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
            connectionString = scope.ServiceProvider.GetRequiredService<EmployersDbContext>().Database.GetConnectionString()!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload.Split(':') is [var sender, var participant] && Guid.TryParse(sender, out var from) && from != index.Instance
                        && Guid.TryParse(participant, out var id))
                        _received.Writer.TryWrite(id);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Whatever committed before this LISTEN and after the index was read is not announced again.
                await index.InvalidateAsync(stoppingToken);
                while (true)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                logger.LogWarning(e, "Lost the matching index's notifications; listening again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        _received.Writer.TryComplete();
        await refreshing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Re-reads what was announced, all that has arrived at once, so a burst of events costs a few queries.</summary>
    private async Task RefreshLoopAsync(CancellationToken ct)
    {
        var batch = new HashSet<Guid>();
        while (await _received.Reader.WaitToReadAsync(ct))
        {
            while (batch.Count < 1000 && _received.Reader.TryRead(out var id))
                batch.Add(id);
            try
            {
                await index.RefreshAsync(batch, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The index may now lack a change: start again from the database rather than serve it.
                logger.LogWarning(e, "Could not re-read {Count} participants into the matching index; it is dropped and loads again", batch.Count);
                await index.InvalidateAsync(ct);
            }
            batch.Clear();
        }
    }
}
