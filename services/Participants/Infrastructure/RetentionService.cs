using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Infrastructure;

/// <summary>
/// Configuration section <c>Participants:Retention</c>. A record is kept <see cref="YearsAfterExit"/> whole years
/// after the exit (default 5: long enough for ESF+ follow-up at twelve months and the programme's audit trail; the
/// controller sets its own period), then erased with reason retention-expired.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Participants:Retention";

    public int YearsAfterExit { get; set; } = 5;
    /// <summary>How often the job looks for expired records.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
    public bool Enabled { get; set; } = true;
}

/// <summary>The retention job: at start and then every <see cref="RetentionOptions.Interval"/>, erases exited participants past retention.</summary>
public sealed class RetentionService(IServiceScopeFactory scopes, RetentionOptions options, ILogger<RetentionService> logger) : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
            return;
        using var timer = new PeriodicTimer(options.Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var erased = await SweepAsync(scope.ServiceProvider, options.YearsAfterExit, DateOnly.FromDateTime(DateTime.UtcNow), stoppingToken);
                if (erased > 0)
                    logger.LogInformation("Retention erased {Count} participant records past {Years} years after exit", erased, options.YearsAfterExit);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next round tries again; a failing sweep must not stop the service.
                logger.LogError(ex, "Retention sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Erases every exited, not yet erased participant whose exit is past retention on <paramref name="today"/>; the count erased.</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, int yearsAfterExit, DateOnly today, CancellationToken ct)
    {
        var db = services.GetRequiredService<ParticipantsDbContext>();
        var eraser = services.GetRequiredService<ParticipantEraser>();
        var latestExit = RetentionRules.LatestExpiredExit(yearsAfterExit, today);
        var erased = 0;
        while (true)
        {
            var due = await (
                    from exit in db.Set<ParticipantExit>().AsNoTracking()
                    join participant in db.Participants.AsNoTracking() on exit.ParticipantId equals participant.Id
                    where exit.ExitDate <= latestExit && !db.Set<ParticipantErasure>().Any(e => e.ParticipantId == participant.Id)
                    orderby exit.ExitDate, participant.Id
                    select participant)
                .Take(Batch).ToListAsync(ct);
            foreach (var participant in due)
                if (await eraser.EraseAsync(participant, ErasureReason.RetentionExpired, "retention", ct) is not null)
                    erased++;
            if (due.Count < Batch)
                return erased;
        }
    }
}

public static class RetentionExtensions
{
    /// <summary>The eraser (lawful requests and retention) and the retention job with its options.</summary>
    public static void AddRecordRetention(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        if (options.YearsAfterExit < 1)
            throw new InvalidOperationException("Participants:Retention:YearsAfterExit must be at least 1.");
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<ParticipantEraser>();
        builder.Services.AddHostedService<RetentionService>();
    }
}
