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
            await PropertyRuns.DeliverAsync(rng, history.Events.Concat(employerEvents), Db, ApplyAsync, savedWithBatch: m => m is ActorRegistered or ActorUpdated);

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
    public async Task Participant_facts_exits_hours_and_counts_end_as_Participants_has_them_in_any_order_of_delivery_erasures_included_and_after_a_rebuild()
    {
        var histories = new List<ParticipantsHistory>();
        await PropertyRuns.ForSeedsAsync(runs: 150, budget: TimeSpan.FromSeconds(4), async rng =>
        {
            var history = ParticipantsHistory.Generate(rng);
            await PropertyRuns.DeliverAsync(rng, history.Events, Db, ConsumeParticipantEventAsync);
            await AssertParticipantsAsync(history);
            histories.Add(history);
        });

        // The rebuild replays the same history (each delivery once per arrival, as the live path saw it) and must agree.
        await using (var db = Db())
            await ReadModelRebuild.RebuildAsync(db);
        foreach (var history in histories)
            await AssertParticipantsAsync(history, "after the rebuild: ");
    }

    /// <summary>
    /// The facts, exits, hours and counts of the history's final state. An erased participant's rows are there under an id
    /// that is not its own (compared without the id), and its own id is nowhere, the history included.
    /// </summary>
    private async Task AssertParticipantsAsync(ParticipantsHistory history, string when = "")
    {
        await using var read = Db();
        var collaboration = history.CollaborationId;
        var facts = await read.ParticipantFacts.AsNoTracking().Where(f => f.CollaborationId == collaboration).ToListAsync();
        var exits = await read.ParticipantExits.AsNoTracking().Where(x => x.CollaborationId == collaboration).ToListAsync();
        var hours = await read.ParticipantHours.AsNoTracking().Where(h => h.CollaborationId == collaboration).ToListAsync();
        var hoursByMonth = await read.HoursByMonth.AsNoTracking().Where(h => h.CollaborationId == collaboration && (h.Hours != 0 || h.Participants != 0)).ToListAsync();
        var counts = await read.ParticipantCounts.AsNoTracking().Where(c => c.CollaborationId == collaboration && c.Count != 0).ToListAsync();

        var erased = history.Participants.Where(p => p.Value.Erased).Select(p => p.Key).ToHashSet();
        var kept = history.Participants.Where(p => !p.Value.Erased).Select(p => p.Key).ToHashSet();
        // Its own id for a participant not erased; for an erased one, the id it must no longer have.
        string Id(Guid id) => kept.Contains(id) ? id.ToString() : "erased";
        var erasedIds = erased.Select(e => e.ToString()).ToArray();
        var held = facts.Select(f => f.ParticipantId).Concat(exits.Select(x => x.ParticipantId)).Concat(hours.Select(h => h.ParticipantId));
        Assert.False(held.Any(erased.Contains), $"{when}an erased participant's id is back in the read models.");
        var inHistory = await read.EventHistory.FromSql($"SELECT * FROM event_history WHERE payload->>'participantId' = ANY({erasedIds})").CountAsync();
        Assert.True(inHistory == 0, $"{when}an erased participant's id is in {inHistory} event(s) of the history.");

        var expectedFacts = history.Participants.Values.Select(p => new ParticipantFact
        {
            ParticipantId = p.Enrolled.ParticipantId, CollaborationId = collaboration, Gender = (int)p.Facts.Gender, AgeBand = (int?)p.Facts.AgeBand,
            MunicipalityCode = p.Facts.MunicipalityCode, ReferringActorId = p.Enrolled.ReferringActorId, TargetGroups = p.Facts.TargetGroups.Select(g => (int)g).ToArray(),
            StartDate = p.Enrolled.StartDate, LabourMarketStatus = (int?)p.Facts.LabourMarketStatusAtEntry, EducationLevel = (int?)p.Facts.EducationLevelAtEntry,
            BenefitAtStart = (int?)p.Enrolled.BenefitAtStart, Revision = p.Facts.Revision!.Value,
        }).ToList();
        Assert.True(Shown(expectedFacts, Id).SequenceEqual(Shown(facts, Id)),
            $"{when}the facts differ.{Environment.NewLine}expected: {string.Join("; ", Shown(expectedFacts, Id))}{Environment.NewLine}actual:   {string.Join("; ", Shown(facts, Id))}");
        var expectedExits = history.Participants.Values.Where(p => p.Exit is not null).Select(p => p.Exit!)
            .Select(x => (Id(x.ParticipantId), x.ExitDate, (int)x.Outcome, x.GainedQualification)).Order().ToList();
        Assert.Equal(expectedExits, exits.Select(x => (Id(x.ParticipantId), x.ExitDate, x.Outcome, x.GainedQualification)).Order().ToList());
        var expectedHours = history.Participants.Values.SelectMany(p => p.Hours).Select(h => (Id(h.ParticipantId), h.Month, h.TotalHours)).Order().ToList();
        Assert.Equal(expectedHours, hours.Select(h => (Id(h.ParticipantId), h.Month, h.Hours)).Order().ToList());
        var expectedMonths = expectedHours.GroupBy(h => h.Month).Select(g => (g.Key, g.Sum(h => h.TotalHours), g.Count(h => h.TotalHours > 0))).Order().ToList();
        Assert.Equal(expectedMonths, hoursByMonth.Select(h => (h.Month, h.Hours, h.Participants)).Order().ToList());

        // The counters, kept by adding and subtracting as corrections arrive, must be those of the final facts.
        var expectedCounts = expectedFacts.SelectMany(f => Dimensions.OfStart(f, +1).Concat(history.Participants[f.ParticipantId].Exit is { } x
                ? Dimensions.OfExit(f, new ParticipantExit { ParticipantId = f.ParticipantId, CollaborationId = collaboration, ExitDate = x.ExitDate, Outcome = (int)x.Outcome, GainedQualification = x.GainedQualification }, +1)
                : []))
            .Where(d => d.Scope == collaboration)
            .GroupBy(d => (d.Dimension, d.Key, d.Gender, d.Day)).Select(g => (g.Key.Dimension, g.Key.Key, g.Key.Gender, g.Key.Day, Count: g.Sum(d => d.Delta)))
            .Order().ToList();
        Assert.Equal(expectedCounts, counts.Select(c => (c.Dimension, c.Key, c.Gender, c.Day, c.Count)).Order().ToList());
    }

    private static List<string> Shown(IEnumerable<ParticipantFact> facts, Func<Guid, string> id) => facts
        .Select(f => $"{id(f.ParticipantId)} r{f.Revision} {f.Gender}/{f.AgeBand}/{f.MunicipalityCode}/{string.Join(",", f.TargetGroups.Order())}/{f.LabourMarketStatus}/{f.EducationLevel}/{f.BenefitAtStart}/{f.StartDate}/{f.ReferringActorId}")
        .Order().ToList();

    /// <summary>As the bus does (<see cref="ReportingConsumer{TMessage}.ConsumeAsync"/>), each delivery under a message id of its own.</summary>
    private static Task ConsumeParticipantEventAsync(ReportingDbContext db, object message) => message switch
    {
        ParticipantEnrolled m => new ParticipantEnrolledConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ParticipantUpdated m => new ParticipantUpdatedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ParticipantExited m => new ParticipantExitedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        MonthlyHoursRecorded m => new MonthlyHoursRecordedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ParticipantErased m => new ParticipantErasedConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ConsentGiven m => new ConsentGivenConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        ConsentWithdrawn m => new ConsentWithdrawnConsumer(db).ConsumeAsync(Guid.NewGuid(), m, default),
        _ => throw new InvalidOperationException($"No Reporting consumer of {message.GetType().Name} here."),
    };

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
