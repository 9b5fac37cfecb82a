using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Consumers;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.Testing.Copies;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>
/// Reporting's copies of actors, collaborations, memberships, employers and participants' facts, applied by the
/// consumers' own <c>ApplyAsync</c> (what both the bus and the rebuild call) on a real PostgreSQL: random histories
/// delivered in random orders with repeats must leave each copy equal to its owner's final state.
/// </summary>
public sealed class CopyConvergenceTests : IAsyncLifetime
{
    private Samverkan.Testing.Infrastructure _infra = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _infra = await Samverkan.Testing.Infrastructure.GetAsync();
        _database = await _infra.CreateDatabaseAsync("reporting_copies");
        await using var db = Db();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _infra.DropDatabaseAsync(_database);

    private ReportingDbContext Db() => new(new DbContextOptionsBuilder<ReportingDbContext>().UseNpgsql(_database).Options);

    [Fact]
    public Task Actors_collaborations_memberships_and_employers_end_as_their_owners_have_them_in_any_order_of_delivery() =>
        PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(4), async rng =>
        {
            var history = ActorsHistory.Generate(rng);
            var (employerEvents, employers) = EmployerHistory(rng, history.Actors.Keys.ToList());
            await PropertyRuns.DeliverAsync(rng, history.Events.Concat(employerEvents), Db, ApplyAsync);

            await using var read = Db();
            foreach (var (id, actor) in history.Actors)
            {
                var fact = await read.ActorFacts.AsNoTracking().SingleAsync(a => a.ActorId == id);
                Assert.Equal((actor.Name, actor.Sector, actor.Kind, actor.MunicipalityCode), (fact.Name, fact.Sector, fact.Kind, fact.MunicipalityCode));
            }
            foreach (var (id, plan) in history.Collaborations)
            {
                var fact = await read.CollaborationFacts.AsNoTracking().SingleAsync(c => c.CollaborationId == id);
                Assert.Equal((plan.Name, plan.OwnerActorId, plan.ParticipantTarget, plan.ExitToWorkOrStudiesTargetShare, plan.StartDate, plan.EndDate),
                    (fact.Name, fact.OwnerActorId, fact.ParticipantTarget, fact.ExitToWorkOrStudiesTargetShare, fact.StartDate, fact.EndDate));
            }
            // Reporting keeps each actor's latest membership of a collaboration.
            var ids = history.Collaborations.Keys.ToList();
            var members = (await read.CollaborationMembers.AsNoTracking().Where(m => ids.Contains(m.CollaborationId)).ToListAsync())
                .Select(m => (m.CollaborationId, m.ActorId, m.Role, m.JoinedOn, m.LeftOn)).Order().ToList();
            var latest = history.Memberships.GroupBy(m => (m.CollaborationId, m.ActorId)).Select(g => g.MaxBy(m => m.Revision)!)
                .Select(m => (m.CollaborationId, m.ActorId, m.Role, m.JoinedOn, m.LeftOn)).Order().ToList();
            Assert.Equal(latest, members);
            foreach (var employer in employers)
            {
                var fact = await read.EmployerFacts.AsNoTracking().SingleAsync(e => e.EmployerId == employer.EmployerId);
                Assert.Equal((employer.Name, employer.MunicipalityCode, employer.OwnerActorId), (fact.Name, fact.MunicipalityCode, fact.OwnerActorId));
            }
        });

    [Fact]
    public async Task Participant_facts_exits_and_counts_end_as_Participants_has_them_in_any_order_of_delivery_and_after_a_rebuild()
    {
        var histories = new List<ParticipantsHistory>();
        await PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(4), async rng =>
        {
            var history = ParticipantsHistory.Generate(rng);
            // Erasures left out: an event overtaken by its participant's erasure is not yet covered (docs/decisions/0009-copies.md).
            var events = history.Events.Where(e => e is ParticipantEnrolled or ParticipantUpdated or ParticipantExited);
            await PropertyRuns.DeliverAsync(rng, events, Db, ApplyParticipantEventAsync);
            await AssertParticipantsAsync(history);
            histories.Add(history);
        });

        // The rebuild replays the same history (each delivery once per arrival, as the live path saw it) and must agree.
        await using (var db = Db())
            await ReadModelRebuild.RebuildAsync(db);
        foreach (var history in histories)
            await AssertParticipantsAsync(history, "after the rebuild: ");
    }

    private async Task AssertParticipantsAsync(ParticipantsHistory history, string when = "")
    {
        await using var read = Db();
        var collaboration = history.CollaborationId;
        var facts = await read.ParticipantFacts.AsNoTracking().Where(f => f.CollaborationId == collaboration).ToListAsync();
        var exits = await read.ParticipantExits.AsNoTracking().Where(x => x.CollaborationId == collaboration).ToListAsync();
        var counts = await read.ParticipantCounts.AsNoTracking().Where(c => c.CollaborationId == collaboration && c.Count != 0).ToListAsync();

        var expectedFacts = history.Participants.Values.Select(p => new ParticipantFact
        {
            ParticipantId = p.Enrolled.ParticipantId, CollaborationId = collaboration, Gender = (int)p.Facts.Gender, AgeBand = (int?)p.Facts.AgeBand,
            MunicipalityCode = p.Facts.MunicipalityCode, ReferringActorId = p.Enrolled.ReferringActorId, TargetGroups = p.Facts.TargetGroups.Select(g => (int)g).ToArray(),
            StartDate = p.Enrolled.StartDate, LabourMarketStatus = (int?)p.Facts.LabourMarketStatusAtEntry, EducationLevel = (int?)p.Facts.EducationLevelAtEntry,
            Revision = p.Facts.Revision!.Value,
        }).ToList();
        Assert.True(Shown(expectedFacts).SequenceEqual(Shown(facts)),
            $"{when}the facts differ.{Environment.NewLine}expected: {string.Join("; ", Shown(expectedFacts))}{Environment.NewLine}actual:   {string.Join("; ", Shown(facts))}");
        var expectedExits = history.Participants.Values.Where(p => p.Exit is not null).Select(p => p.Exit!)
            .Select(x => (x.ParticipantId, x.ExitDate, (int)x.Outcome, x.GainedQualification)).Order().ToList();
        Assert.Equal(expectedExits, exits.Select(x => (x.ParticipantId, x.ExitDate, x.Outcome, x.GainedQualification)).Order().ToList());

        // The counters, kept by adding and subtracting as corrections arrive, must be those of the final facts.
        var expectedCounts = expectedFacts.SelectMany(f => Dimensions.OfStart(f, +1).Concat(history.Participants[f.ParticipantId].Exit is { } x
                ? Dimensions.OfExit(f, new ParticipantExit { ParticipantId = f.ParticipantId, CollaborationId = collaboration, ExitDate = x.ExitDate, Outcome = (int)x.Outcome, GainedQualification = x.GainedQualification }, +1)
                : []))
            .Where(d => d.Scope == collaboration)
            .GroupBy(d => (d.Dimension, d.Key, d.Gender, d.Day)).Select(g => (g.Key.Dimension, g.Key.Key, g.Key.Gender, g.Key.Day, Count: g.Sum(d => d.Delta)))
            .Order().ToList();
        Assert.Equal(expectedCounts, counts.Select(c => (c.Dimension, c.Key, c.Gender, c.Day, c.Count)).Order().ToList());
    }

    private static List<string> Shown(IEnumerable<ParticipantFact> facts) => facts
        .Select(f => $"{f.ParticipantId} r{f.Revision} {f.Gender}/{f.AgeBand}/{f.MunicipalityCode}/{string.Join(",", f.TargetGroups.Order())}/{f.LabourMarketStatus}/{f.EducationLevel}/{f.StartDate}/{f.ReferringActorId}")
        .Order().ToList();

    /// <summary>As <see cref="ReportingConsumer{TMessage}"/> does: the event goes into the history first (a repeat as a new message), then is applied.</summary>
    private static Task ApplyParticipantEventAsync(ReportingDbContext db, object message) => message switch
    {
        ParticipantEnrolled m => ConsumeAsync(db, m, new ParticipantEnrolledConsumer(db)),
        ParticipantUpdated m => ConsumeAsync(db, m, new ParticipantUpdatedConsumer(db)),
        ParticipantExited m => ConsumeAsync(db, m, new ParticipantExitedConsumer(db)),
        _ => throw new InvalidOperationException($"No Reporting consumer of {message.GetType().Name} here."),
    };

    private static async Task ConsumeAsync<T>(ReportingDbContext db, T message, ReportingConsumer<T> consumer) where T : class
    {
        await EventHistory.AppendAsync(db, Guid.NewGuid(), message, default);
        await consumer.ApplyAsync(message, default);
    }

    /// <summary>Employers registered and updated (renamed, moved, handed to another agency), each update raising the revision.</summary>
    private static (List<object> Events, List<EmployerUpdated> Final) EmployerHistory(Random rng, List<Guid> agencies)
    {
        var events = new List<object>();
        var final = new List<EmployerUpdated>();
        for (var e = rng.Next(1, 3); e > 0; e--)
        {
            var id = Guid.NewGuid();
            EmployerUpdated State(long revision) => new()
            {
                EmployerId = id, Name = $"Arbetsgivare {rng.Next(1000)}", IndustryCode = "62010", MunicipalityCode = $"0{rng.Next(114, 999)}",
                SizeBand = SizeBand.Small, OwnerActorId = agencies[rng.Next(agencies.Count)], UpdatedAt = DateTimeOffset.UtcNow, Revision = revision,
            };
            var state = State(1);
            events.Add(new EmployerRegistered
            {
                EmployerId = id, Name = state.Name, OrganisationNumber = "5560000001", IndustryCode = state.IndustryCode, MunicipalityCode = state.MunicipalityCode,
                SizeBand = state.SizeBand, OwnerActorId = state.OwnerActorId, RegisteredAt = state.UpdatedAt, Revision = 1,
            });
            for (int revision = 2, last = 1 + rng.Next(0, 5); revision <= last; revision++)
                events.Add(state = State(revision));
            final.Add(state);
        }
        return (events, final);
    }

    private static Task ApplyAsync(ReportingDbContext db, object message) => message switch
    {
        ActorRegistered m => new ActorRegisteredConsumer(db).ApplyAsync(m, default),
        ActorUpdated m => new ActorUpdatedConsumer(db).ApplyAsync(m, default),
        CollaborationCreated m => new CollaborationCreatedConsumer(db).ApplyAsync(m, default),
        CollaborationUpdated m => new CollaborationUpdatedConsumer(db).ApplyAsync(m, default),
        MemberJoined m => new MemberJoinedConsumer(db).ApplyAsync(m, default),
        MemberLeft m => new MemberLeftConsumer(db).ApplyAsync(m, default),
        EmployerRegistered m => new EmployerRegisteredConsumer(db).ApplyAsync(m, default),
        EmployerUpdated m => new EmployerUpdatedConsumer(db).ApplyAsync(m, default),
        _ => throw new InvalidOperationException($"No Reporting consumer of {message.GetType().Name}."),
    };
}
