using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Employers;
using Samverkan.Testing.Copies;
using Samverkan.Webhooks.Consumers;
using Samverkan.Webhooks.Infrastructure;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>
/// Webhooks' copies of Actors' memberships (who gets a collaboration's events) and of which agencies work with an
/// employer (who gets its events), applied by the consumers' own code on a real PostgreSQL: random histories —
/// joins, leaves, rejoins; employers handed to another agency, contacts, offers, placements — delivered in random
/// orders with repeats and in random batches must end as their owners' histories say.
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

    [Fact]
    public Task Employer_links_end_as_every_agency_that_worked_with_the_employer_in_any_order_of_delivery() =>
        PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(3), async rng =>
        {
            var agencies = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
            var events = new List<object>();
            var expected = new List<(Guid Employer, Guid Agency)>();
            for (var e = rng.Next(1, 4); e > 0; e--)
            {
                var employer = Guid.NewGuid();
                var owner = agencies[rng.Next(agencies.Count)];
                var at = DateTimeOffset.UtcNow;
                events.Add(new EmployerRegistered
                {
                    EmployerId = employer, Name = "Arbetsgivare", OrganisationNumber = "5560000001", IndustryCode = "62010", MunicipalityCode = "0880",
                    SizeBand = SizeBand.Small, OwnerActorId = owner, RegisteredAt = at, Revision = 1,
                });
                expected.Add((employer, owner));
                for (long step = 2, last = 1 + rng.Next(0, 8); step <= last; step++)
                {
                    var agency = agencies[rng.Next(agencies.Count)];
                    expected.Add((employer, agency));
                    events.Add(rng.Next(4) switch
                    {
                        // Handed to another agency: the former owner keeps its link (the history stays the agency's).
                        0 => new EmployerUpdated
                        {
                            EmployerId = employer, Name = "Arbetsgivare", IndustryCode = "62010", MunicipalityCode = "0880", SizeBand = SizeBand.Small,
                            OwnerActorId = agency, UpdatedAt = at, Revision = step,
                        },
                        1 => new ContactLogged
                        {
                            ContactId = Guid.NewGuid(), EmployerId = employer, ActorId = agency, Date = new(2026, 3, 1), Channel = ContactChannel.Phone,
                            Planned = false, LoggedAt = at,
                        },
                        2 => new OfferPublished
                        {
                            OfferId = Guid.NewGuid(), EmployerId = employer, Kind = OfferKind.Job, OccupationCode = "2512", MunicipalityCode = "0880",
                            Places = 1, StartDate = new(2026, 4, 1), PublishedByActorId = agency, PublishedAt = at,
                        },
                        _ => new PlacementStarted
                        {
                            PipelineId = Guid.NewGuid(), ParticipantId = Guid.NewGuid(), OfferId = Guid.NewGuid(), EmployerId = employer,
                            PilotActorId = agency, OfferKind = OfferKind.Job, Stage = PipelineStage.Placed, StartDate = new(2026, 4, 1), OccurredAt = at,
                        },
                    });
                }
            }
            await PropertyRuns.DeliverAsync(rng, events, Db, (db, message) => message switch
            {
                EmployerRegistered m => new EmployerRegisteredConsumer(db).ApplyAsync(m, default),
                EmployerUpdated m => new EmployerUpdatedConsumer(db).ApplyAsync(m, default),
                ContactLogged m => new ContactLoggedConsumer(db).ApplyAsync(m, default),
                OfferPublished m => new OfferPublishedConsumer(db).ApplyAsync(m, default),
                PlacementStarted m => new PlacementStartedConsumer(db).ApplyAsync(m, default),
                _ => throw new InvalidOperationException(),
            });

            var employers = expected.Select(x => x.Employer).Distinct().ToList();
            await using var read = Db();
            var links = (await read.EmployerLinks.AsNoTracking().Where(l => employers.Contains(l.EmployerId)).ToListAsync())
                .Select(l => (l.EmployerId, l.ActorId)).Order().ToList();
            Assert.Equal(expected.Distinct().Order().ToList(), links);
        });

    private static Task ApplyAsync(WebhooksDbContext db, object message) => message switch
    {
        CollaborationCreated m => CollaborationCreatedConsumer.ApplyAsync(db, m, default),
        MemberJoined m => MemberJoinedConsumer.ApplyAsync(db, m, default),
        MemberLeft m => MemberLeftConsumer.ApplyAsync(db, m, default),
        _ => Task.CompletedTask, // actors and plans: Webhooks keeps no copy of them
    };
}
