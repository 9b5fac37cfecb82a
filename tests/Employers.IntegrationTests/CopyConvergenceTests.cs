using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Employers.Consumers;
using Samverkan.Employers.Infrastructure;
using Samverkan.Testing.Copies;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// Employers' copy of Actors' actors (whose names the shared contact log shows), applied by the consumers' own code on a
/// real PostgreSQL: random histories delivered in random orders with repeats must leave it equal to Actors' final state.
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
            }));

            await using var read = Db();
            foreach (var (id, actor) in history.Actors)
            {
                var known = await read.KnownActors.AsNoTracking().SingleAsync(a => a.Id == id);
                Assert.Equal((actor.Name, actor.Sector, actor.Kind), (known.Name, known.Sector, known.Kind));
            }
        });
}
