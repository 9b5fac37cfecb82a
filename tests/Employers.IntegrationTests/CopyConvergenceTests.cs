using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Consumers;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Testing.Copies;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// Employers' copies of Actors' actors (whose names the shared contact log shows) and of Participants' enrolments and
/// consents (who reaches a participant, who may be matched and disclosed), applied by the consumers' own code on a real
/// PostgreSQL: random histories delivered in random orders with repeats must leave them equal to the owner's final state.
/// </summary>
public sealed class CopyConvergenceTests : IAsyncLifetime
{
    private Samverkan.Testing.Infrastructure _infra = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("employers_copies");
        await using var db = Db();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _infra.DropDatabaseAsync(_database);

    private EmployersDbContext Db() => new(new DbContextOptionsBuilder<EmployersDbContext>().UseNpgsql(_database).Options);

    [Fact]
    public Task Known_actors_end_as_Actors_has_them_in_any_order_of_delivery() =>
        PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(3), async rng =>
        {
            var history = ActorsHistory.Generate(rng);
            var actorEvents = history.Events.Where(e => e is ActorRegistered or ActorUpdated);
            await PropertyRuns.DeliverAsync(rng, actorEvents, Db, (db, message) => (message switch
            {
                ActorRegistered m => ActorRegisteredConsumer.ApplyAsync(db, m, default),
                ActorUpdated m => ActorUpdatedConsumer.ApplyAsync(db, m, default),
                _ => throw new InvalidOperationException(),
            }), savedWithBatch: _ => true);

            await using var read = Db();
            foreach (var (id, actor) in history.Actors)
            {
                var known = await read.KnownActors.AsNoTracking().SingleAsync(a => a.Id == id);
                Assert.Equal((actor.Name, actor.Sector, actor.Kind), (known.Name, known.Sector, known.Kind));
            }
        });

    [Fact]
    public Task Enrolments_and_consents_end_as_Participants_has_them_in_any_order_of_delivery() =>
        PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(3), async rng =>
        {
            var history = ParticipantsHistory.Generate(rng);
            await PropertyRuns.DeliverAsync(rng, history.Events, Db, (db, message) => message switch
            {
                ParticipantEnrolled m => ParticipantEnrolledConsumer.ApplyAsync(db, m, default),
                ParticipantUpdated or MonthlyHoursRecorded => Task.CompletedTask, // not consumed here: Employers keeps neither
                ParticipantExited m => ParticipantExitedConsumer.ApplyAsync(db, m, default),
                ParticipantErased m => ParticipantErasedConsumer.ApplyAsync(db, m, default),
                ConsentGiven m => ConsentGivenConsumer.ApplyAsync(db, m, default),
                ConsentWithdrawn m => ConsentWithdrawnConsumer.ApplyAsync(db, m, default),
                _ => throw new InvalidOperationException($"No Employers consumer of {message.GetType().Name}."),
            });

            await using var read = Db();
            var ids = history.Participants.Keys.ToList();
            var enrolments = await read.Enrolments.AsNoTracking().Where(e => ids.Contains(e.ParticipantId)).ToListAsync();
            var consents = await read.ParticipantConsents.AsNoTracking().Where(c => ids.Contains(c.ParticipantId)).ToListAsync();
            // Tombstones are hashes of the ids (no id in clear): this history's are those of its participants' ids.
            var hashes = ids.ToDictionary(id => Convert.ToHexString(Copies.TombstoneOf(id)));
            var erased = (await read.ErasedParticipants.AsNoTracking().Select(e => e.IdHash).ToListAsync())
                .Select(Convert.ToHexString).Where(hashes.ContainsKey).Select(h => hashes[h]).ToList();

            // An erasure is a tombstone: nothing of the participant stays, whatever arrived after it.
            Assert.Equal(history.Participants.Where(p => p.Value.Erased).Select(p => p.Key).Order(), erased.Order());
            Assert.Equal(
                history.Participants.Where(p => !p.Value.Erased)
                    .Select(p => (p.Key, p.Value.Enrolled.CollaborationId, p.Value.Enrolled.StartDate, p.Value.Enrolled.ReferringActorId)).Order(),
                enrolments.Select(e => (e.ParticipantId, e.CollaborationId, e.StartDate, e.ReferringActorId)).Order());
            // A withdrawal delivered before its grant still leaves the consent withdrawn; a grant is in force only until withdrawn.
            Assert.Equal(
                history.Consents.Where(c => !history.Participants[c.ParticipantId].Erased)
                    .Select(c => (c.ConsentId, c.ParticipantId, c.Purpose, c.RecipientActorId, InForce: c.WithdrawnAt is null)).Order(),
                consents.Select(c => (c.ConsentId, c.ParticipantId, c.Purpose, c.RecipientActorId, c.InForce)).Order());
        });
}
