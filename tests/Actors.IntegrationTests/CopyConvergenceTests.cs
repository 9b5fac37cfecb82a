using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Consumers;
using Samverkan.Actors.Infrastructure;
using Samverkan.Contracts.Participants;
using Samverkan.Testing.Copies;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>
/// Actors' referrals, its copy of Participants' enrolments (what each referring actor delivered), applied by the
/// consumers' own code on a real PostgreSQL: random histories delivered in random orders with repeats must count each
/// enrolment once, and an erased participant's under an id that is not its own, whatever arrived first. The same for
/// its copy of the monthly hours (co-financing).
/// </summary>
public sealed class CopyConvergenceTests : IAsyncLifetime
{
    private Samverkan.Testing.Infrastructure _infra = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("actors_copies");
        await using var db = Db();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _infra.DropDatabaseAsync(_database);

    private ActorsDbContext Db() => new(new DbContextOptionsBuilder<ActorsDbContext>().UseNpgsql(_database).Options);

    [Fact]
    public Task Referrals_count_each_enrolment_once_and_never_under_an_erased_id_in_any_order_of_delivery() =>
        PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(3), async rng =>
        {
            var history = ParticipantsHistory.Generate(rng);
            var consumed = history.Events.Where(e => e is ParticipantEnrolled or ParticipantErased);
            await PropertyRuns.DeliverAsync(rng, consumed, Db, (db, message) => message switch
            {
                ParticipantEnrolled m => ParticipantEnrolledConsumer.ApplyAsync(db, m, default),
                ParticipantErased m => ParticipantErasedConsumer.ApplyAsync(db, m, default),
                _ => throw new InvalidOperationException($"No Actors consumer of {message.GetType().Name}."),
            });

            await using var read = Db();
            var referrals = await read.Referrals.AsNoTracking().Where(r => r.CollaborationId == history.CollaborationId).ToListAsync();
            // Every enrolment counts once against its referring actor, erased or not.
            Assert.Equal(
                history.Participants.Values.Select(p => (p.Enrolled.ReferringActorId, p.Enrolled.ReferralDate)).Order(),
                referrals.Select(r => (r.ReferringActorId, r.ReferralDate)).Order());
            // Under the participant's own id exactly when it is not erased.
            var ids = referrals.Select(r => r.ParticipantId).ToHashSet();
            Assert.Equal(
                history.Participants.Where(p => !p.Value.Erased).Select(p => p.Key).Order(),
                history.Participants.Keys.Where(ids.Contains).Order());
        });

    [Fact]
    public Task Co_financing_hours_end_as_each_months_last_total_and_never_under_an_erased_id_in_any_order_of_delivery() =>
        PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(3), async rng =>
        {
            var history = ParticipantsHistory.Generate(rng);
            var consumed = history.Events.Where(e => e is MonthlyHoursRecorded or ParticipantErased);
            await PropertyRuns.DeliverAsync(rng, consumed, Db, (db, message) => message switch
            {
                MonthlyHoursRecorded m => MonthlyHoursRecordedConsumer.ApplyAsync(db, m, default),
                ParticipantErased m => ParticipantErasedConsumer.ApplyAsync(db, m, default),
                _ => throw new InvalidOperationException($"No Actors consumer of {message.GetType().Name}."),
            });

            await using var read = Db();
            var rows = await read.ParticipantMonthHours.AsNoTracking().Where(h => h.CollaborationId == history.CollaborationId).ToListAsync();
            // Each month counts every participant's last total, erased or not: what the co-financing report sums.
            Assert.Equal(
                history.Participants.Values.SelectMany(p => p.Hours).GroupBy(h => h.Month).Select(g => (g.Key, g.Sum(h => h.TotalHours))).Order(),
                rows.GroupBy(h => h.Month).Select(g => (g.Key, g.Sum(h => h.Hours))).Order());
            // Under the participant's own id exactly when it is not erased.
            var ids = rows.Select(r => r.ParticipantId).ToHashSet();
            Assert.Equal(
                history.Participants.Where(p => !p.Value.Erased && p.Value.Hours.Count > 0).Select(p => p.Key).Order(),
                history.Participants.Keys.Where(ids.Contains).Order());
        });
}
