using Microsoft.EntityFrameworkCore;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>Where a rebuild stands: its step of <see cref="ReadModelRebuild.Steps"/>, and how it ended.</summary>
public sealed record RebuildStatus(
    Guid Id, string State, string? Step, int StepsDone, int StepsTotal, long EventsInHistory,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error);

/// <summary>
/// Runs one rebuild at a time in the background (it can take minutes) and keeps its progress for the status
/// resource. In memory: a rebuild belongs to the process that runs it, and its result is the read models.
/// </summary>
public sealed class RebuildRunner(IServiceScopeFactory scopes, ILogger<RebuildRunner> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, RebuildStatus> _runs = [];
    private Task? _running;

    /// <summary>Starts a rebuild; null when one is already running.</summary>
    public RebuildStatus? Start()
    {
        lock (_lock)
        {
            if (_running is { IsCompleted: false })
                return null;
            var status = new RebuildStatus(Guid.NewGuid(), "running", null, 0, ReadModelRebuild.Steps.Length, 0, DateTimeOffset.UtcNow, null, null);
            _runs[status.Id] = status;
            _running = Task.Run(() => RunAsync(status.Id));
            return status;
        }
    }

    public RebuildStatus? Get(Guid id)
    {
        lock (_lock)
            return _runs.GetValueOrDefault(id);
    }

    private void Update(Guid id, Func<RebuildStatus, RebuildStatus> change)
    {
        lock (_lock)
            _runs[id] = change(_runs[id]);
    }

    private async Task RunAsync(Guid id)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var events = await db.EventHistory.LongCountAsync();
            Update(id, s => s with { EventsInHistory = events });
            await ReadModelRebuild.RebuildAsync(db, step =>
            {
                logger.LogInformation("Rebuild {RebuildId}: step {Step} of {Steps} ({Name})", id, step + 1, ReadModelRebuild.Steps.Length, ReadModelRebuild.Steps[step]);
                Update(id, s => s with { Step = ReadModelRebuild.Steps[step], StepsDone = step });
            });
            Update(id, s => s with { State = "succeeded", Step = null, StepsDone = s.StepsTotal, FinishedAt = DateTimeOffset.UtcNow });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rebuild {RebuildId} failed", id);
            Update(id, s => s with { State = "failed", FinishedAt = DateTimeOffset.UtcNow, Error = e.Message });
        }
    }
}
