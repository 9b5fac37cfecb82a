using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Testing.Copies;
using Samverkan.Webhooks.Consumers;
using Samverkan.Webhooks.Infrastructure;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>
/// Webhooks' copy of Actors' memberships (who gets a collaboration's events), applied by the consumers' own code on a
/// real PostgreSQL: random histories of Actors — joins, leaves, rejoins — delivered in random orders with repeats and
/// in random batches must leave each membership as Actors ends with it.
/// </summary>
public sealed class CopyConvergenceTests : IAsyncLifetime
{
    private Samverkan.Testing.Infrastructure _infra = null!;
    private string _database = "";
    private readonly SecretProtector _secrets = new(new EphemeralDataProtectionProvider());

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("webhooks_copies");
        await using var db = Db();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _infra.DropDatabaseAsync(_database);

    private WebhooksDbContext Db() => new(new DbContextOptionsBuilder<WebhooksDbContext>().UseNpgsql(_database).Options, _secrets);

    [Fact]
    public Task Memberships_end_as_Actors_has_them_in_any_order_of_delivery() =>
        PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(4), async rng =>
        {
            var history = ActorsHistory.Generate(rng);
            await PropertyRuns.DeliverAsync(rng, history.Events, Db, ApplyAsync);

            // Actors' last period of each actor in each collaboration says whether it is a member now.
            var expected = history.Memberships.GroupBy(m => (m.CollaborationId, m.ActorId))
                .Select(g => (g.Key.CollaborationId, g.Key.ActorId, Left: g.MaxBy(m => m.Revision)!.LeftOn is not null))
                .Order().ToList();
            await using var read = Db();
            var ids = history.Collaborations.Keys.ToList();
            var held = (await read.CollaborationMembers.AsNoTracking().Where(m => ids.Contains(m.CollaborationId)).ToListAsync())
                .Select(m => (m.CollaborationId, m.ActorId, m.Left)).Order().ToList();
            Assert.Equal(expected, held);
        });

    private static Task ApplyAsync(WebhooksDbContext db, object message) => message switch
    {
        CollaborationCreated m => CollaborationCreatedConsumer.ApplyAsync(db, m, default),
        MemberJoined m => MemberJoinedConsumer.ApplyAsync(db, m, default),
        MemberLeft m => MemberLeftConsumer.ApplyAsync(db, m, default),
        _ => Task.CompletedTask, // actors and plans: Webhooks keeps no copy of them
    };
}
