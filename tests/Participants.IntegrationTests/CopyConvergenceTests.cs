using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Participants.Infrastructure;
using Samverkan.Participants.Model;
using Samverkan.Participants.Consumers;
using Samverkan.Testing.Copies;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>
/// Participants' copies of Actors' actors, collaborations and memberships, applied by the consumers' own code on a real
/// PostgreSQL: random histories of Actors, delivered in random orders with repeats and in random batches, must leave
/// the copy equal to Actors' final state. No host and no broker: the inbox is not what is tested, the apply is (a
/// repeat arrives as a new message, as a republish would).
/// </summary>
public sealed class CopyConvergenceTests : IAsyncLifetime
{
    private Samverkan.Testing.Infrastructure _infra = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("participants_copies");
        await using var db = Db();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _infra.DropDatabaseAsync(_database);

    private ParticipantsDbContext Db() => new(new DbContextOptionsBuilder<ParticipantsDbContext>().UseNpgsql(_database).Options);

    [Fact]
    public Task Actors_collaborations_and_memberships_end_as_Actors_has_them_in_any_order_of_delivery() =>
        PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(4), async rng =>
        {
            var history = ActorsHistory.Generate(rng);
            await PropertyRuns.DeliverAsync(rng, history.Events, Db, ApplyAsync, savedWithBatch: m => m is ActorRegistered or ActorUpdated);

            await using var read = Db();
            foreach (var (id, actor) in history.Actors)
            {
                var known = await read.KnownActors.AsNoTracking().SingleAsync(a => a.Id == id);
                Assert.Equal((actor.Name, actor.Sector, actor.Kind), (known.Name, known.Sector, known.Kind));
            }
            foreach (var (id, plan) in history.Collaborations)
            {
                var known = await read.KnownCollaborations.AsNoTracking().SingleAsync(c => c.Id == id);
                Assert.Equal((plan.Name, plan.OwnerActorId, plan.StartDate, plan.EndDate), (known.Name, known.OwnerActorId, known.StartDate, known.EndDate));
            }
            var ids = history.Collaborations.Keys.ToList();
            var facts = (await read.MembershipChanges.AsNoTracking().Where(m => ids.Contains(m.CollaborationId)).ToListAsync())
                .Select(m => (m.CollaborationId, m.ActorId, m.Kind, m.On)).Order().ToList();
            var expected = history.Memberships.Select(m => (m.CollaborationId, m.ActorId, MembershipChangeKind.Joined, m.JoinedOn))
                .Concat(history.Memberships.Where(m => m.LeftOn is not null).Select(m => (m.CollaborationId, m.ActorId, MembershipChangeKind.Left, m.LeftOn!.Value)))
                .Order().ToList();
            Assert.Equal(expected, facts);
        });

    private static Task ApplyAsync(ParticipantsDbContext db, object message) => message switch
    {
        ActorRegistered m => ActorRegisteredConsumer.ApplyAsync(db, m, default),
        ActorUpdated m => ActorUpdatedConsumer.ApplyAsync(db, m, default),
        CollaborationCreated m => CollaborationCreatedConsumer.ApplyAsync(db, m, default),
        CollaborationUpdated m => CollaborationUpdatedConsumer.ApplyAsync(db, m, default),
        MemberJoined m => MemberJoinedConsumer.ApplyAsync(db, m, default),
        MemberLeft m => MemberLeftConsumer.ApplyAsync(db, m, default),
        _ => throw new InvalidOperationException($"No Participants consumer of {message.GetType().Name}."),
    };
}
