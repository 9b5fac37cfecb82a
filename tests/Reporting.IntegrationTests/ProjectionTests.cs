using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Consumers;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Testing.Copies;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>
/// The projection declared once (<see cref="Model.Dimensions.All"/>): random event streams — several collaborations'
/// participants enrolled, corrected, exited, erased, their hours recorded and their first employer contacts moved earlier,
/// delivered in any order with repeats, in batches whose counters are written per message or once per batch — go
/// through the live consumers; a rebuild from the history must then leave every
/// read-model table the participant events write exactly as the live path left it. Repeated on top of each rebuild, so
/// the live path also runs on tables the rebuild wrote.
/// </summary>
public sealed class ProjectionTests : IAsyncLifetime
{
    private Samverkan.Testing.Infrastructure _infra = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("reporting_projection");
        await using var db = Db();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _infra.DropDatabaseAsync(_database);

    private ReportingDbContext Db() => new(new DbContextOptionsBuilder<ReportingDbContext>().UseNpgsql(_database).Options);

    /// <summary>Each table as rows of text, in order; counters that net to zero (a correction moved them away) left out.</summary>
    private static readonly (string Table, string Rows)[] Tables =
    [
        ("participant_facts", """
            SELECT ROW(participant_id, collaboration_id, gender, age_band, municipality_code, referring_actor_id, target_groups, start_date,
                labour_market_status, education_level, benefit_at_start, revision)::text FROM participant_facts
            """),
        ("participant_exits", "SELECT ROW(participant_id, collaboration_id, exit_date, outcome, gained_qualification)::text FROM participant_exits"),
        ("participant_hours", "SELECT ROW(participant_id, collaboration_id, month, hours)::text FROM participant_hours"),
        ("hours_by_month", "SELECT ROW(collaboration_id, month, hours, participants)::text FROM hours_by_month WHERE hours <> 0 OR participants <> 0"),
        ("first_employer_contacts", "SELECT ROW(participant_id, presented_on)::text FROM first_employer_contacts"),
        ("participant_counts", "SELECT ROW(collaboration_id, dimension, key, gender, day, count)::text FROM participant_counts WHERE count <> 0"),
        ("participant_period_counts", """
            SELECT ROW(collaboration_id, dimension, key, gender, months, start, count)::text FROM participant_period_counts WHERE count <> 0
            """),
        ("participant_totals", "SELECT ROW(collaboration_id, dimension, key, gender, count)::text FROM participant_totals WHERE count <> 0"),
        ("regional_totals", """
            SELECT ROW(scope, municipality_code, e.name, e.n)::text FROM regional_totals, jsonb_each_text(counts) AS e(name, n) WHERE e.n::int <> 0
            """),
        ("cross_counts", """
            SELECT ROW(scope, rows, columns, row_key, column_key, gender, months, counts)::text FROM cross_counts WHERE cardinality(months) > 0
            """),
    ];

    [Fact]
    public async Task Every_table_the_live_consumers_keep_is_what_the_rebuild_derives_from_the_history()
    {
        var compared = 0;
        await PropertyRuns.ForSeedsAsync(runs: 60, budget: TimeSpan.FromSeconds(20), async rng =>
        {
            var events = new List<object>();
            for (var c = rng.Next(1, 4); c > 0; c--)
            {
                var history = ParticipantsHistory.Generate(rng);
                events.AddRange(history.Events);
                events.AddRange(Presentations(rng, history));
            }
            // Half the streams as the bus delivers them, each batch's counters and versions written once before it commits
            // (BatchWrites); the other half written message by message, as the rebuild's replays and the API write.
            if (rng.Next(2) == 0)
                await PropertyRuns.DeliverAsync(rng, events, Db, ConsumeAsync, db => db.Batch.Begin(), db => db.Batch.FlushAsync(db, default));
            else
                await PropertyRuns.DeliverAsync(rng, events, Db, ConsumeAsync);

            var live = await SnapshotAsync();
            await using (var db = Db())
                await ReadModelRebuild.RebuildAsync(db);
            var rebuilt = await SnapshotAsync();

            foreach (var (table, _) in Tables)
            {
                var missing = live[table].Except(rebuilt[table]).ToList();
                var extra = rebuilt[table].Except(live[table]).ToList();
                Assert.True(missing.Count == 0 && extra.Count == 0 && live[table].Count == rebuilt[table].Count,
                    $"{table}: the rebuild differs from the live path.{Environment.NewLine}only live:    {string.Join("; ", missing.Take(10))}" +
                    $"{Environment.NewLine}only rebuilt: {string.Join("; ", extra.Take(10))}");
            }
            Assert.Contains(live["participant_counts"], r => r.Contains(",benefit-at-start,", StringComparison.Ordinal));
            Assert.Contains(live["cross_counts"], r => r.Contains(",referring-actor,outcome,", StringComparison.Ordinal));
            compared++;
        });
        Assert.True(compared >= 3, $"only {compared} random streams compared");
    }

    /// <summary>First presentations to an employer for some of the participants, the earliest counting (days to first contact).</summary>
    private static IEnumerable<CandidatePresented> Presentations(Random rng, ParticipantsHistory history)
    {
        foreach (var participant in history.Participants.Values.Where(p => !p.Erased && rng.Next(2) == 0))
            for (var n = rng.Next(1, 3); n > 0; n--)
                yield return new CandidatePresented
                {
                    PipelineId = Guid.NewGuid(), ParticipantId = participant.Enrolled.ParticipantId, OfferId = Guid.NewGuid(), EmployerId = Guid.NewGuid(),
                    PilotActorId = Guid.NewGuid(), PresentedOn = participant.Enrolled.StartDate.AddDays(rng.Next(-3, 40)), OccurredAt = DateTimeOffset.UtcNow,
                };
    }

    private async Task<Dictionary<string, List<string>>> SnapshotAsync()
    {
        await using var db = Db();
        var result = new Dictionary<string, List<string>>();
        foreach (var (table, rows) in Tables)
        {
            var sql = "SELECT r AS \"Value\" FROM (" + rows + ") AS t(r)"; // the test's own constant SQL
            result[table] = (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        }
        return result;
    }

    /// <summary>As the bus does (<see cref="ReportingConsumer{TMessage}.ConsumeAsync"/>): into the history, then applied.</summary>
    private static Task ConsumeAsync(ReportingDbContext db, object message) => message switch
    {
        ParticipantEnrolled m => new ParticipantEnrolledConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ParticipantUpdated m => new ParticipantUpdatedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ParticipantExited m => new ParticipantExitedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        MonthlyHoursRecorded m => new MonthlyHoursRecordedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ParticipantErased m => new ParticipantErasedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ConsentGiven m => new ConsentGivenConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ConsentWithdrawn m => new ConsentWithdrawnConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        CandidatePresented m => new CandidatePresentedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        _ => throw new InvalidOperationException($"No Reporting consumer of {message.GetType().Name} here."),
    };
}
