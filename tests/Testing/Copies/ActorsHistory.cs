using Samverkan.Contracts.Actors;

namespace Samverkan.Testing.Copies;

/// <summary>One membership as Actors holds it: a row per period, the same actor joining again after leaving.</summary>
public sealed record MembershipRow(Guid CollaborationId, Guid ActorId, MemberRole Role, DateOnly JoinedOn, DateOnly? LeftOn, long Revision);

/// <summary>
/// A random history of what Actors owns — actors registered and updated, collaborations created and replanned, members
/// joining, leaving and joining again — as the events Actors publishes for it (each with the aggregate's revision, as
/// the Actors service raises it), and the state it ends in. The copying services' property tests deliver the events in
/// any order, repeated, and compare their copy with <see cref="Actors"/>, <see cref="Collaborations"/> and
/// <see cref="Memberships"/>.
/// </summary>
public sealed class ActorsHistory
{
    private static readonly ActorKind[] Kinds = Enum.GetValues<ActorKind>();
    private static readonly ActorSector[] Sectors = Enum.GetValues<ActorSector>();

    public List<object> Events { get; } = [];
    /// <summary>Each actor's last state.</summary>
    public Dictionary<Guid, ActorUpdated> Actors { get; } = [];
    /// <summary>Each collaboration's last plan.</summary>
    public Dictionary<Guid, CollaborationUpdated> Collaborations { get; } = [];
    /// <summary>Every membership period, as Actors keeps them.</summary>
    public List<MembershipRow> Memberships { get; } = [];

    public static ActorsHistory Generate(Random rng)
    {
        var history = new ActorsHistory();
        var at = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        var actors = Enumerable.Range(0, rng.Next(2, 5)).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in actors)
        {
            var state = RandomActor(rng, id, 1, at);
            history.Events.Add(new ActorRegistered
            {
                ActorId = id, Name = state.Name, OrganisationNumber = state.OrganisationNumber, Sector = state.Sector, Kind = state.Kind,
                MunicipalityCode = state.MunicipalityCode, RegisteredAt = at, Revision = 1,
            });
            for (int revision = 2, last = 1 + rng.Next(0, 5); revision <= last; revision++)
            {
                // Later revisions usually, but not always, carry later times: clocks are not what orders them.
                at = at.AddMinutes(rng.Next(-30, 120));
                state = RandomActor(rng, id, revision, at);
                history.Events.Add(state);
            }
            history.Actors[id] = state;
        }
        for (var c = rng.Next(1, 3); c > 0; c--)
            history.AddCollaboration(rng, actors, at);
        return history;
    }

    private void AddCollaboration(Random rng, List<Guid> actors, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        var owner = actors[rng.Next(actors.Count)];
        long revision = 1;
        var plan = RandomPlan(rng, id, owner, revision, at);
        Events.Add(new CollaborationCreated
        {
            CollaborationId = id, Name = plan.Name, OwnerActorId = owner, TargetGroups = plan.TargetGroups, MunicipalityCodes = plan.MunicipalityCodes,
            StartDate = plan.StartDate, EndDate = plan.EndDate, FinancingSource = plan.FinancingSource, Budget = plan.Budget,
            ParticipantTarget = plan.ParticipantTarget, ExitToWorkOrStudiesTargetShare = plan.ExitToWorkOrStudiesTargetShare, CreatedAt = at, Revision = revision,
        });
        var day = plan.StartDate;
        var rows = new List<MembershipRow> { new(id, owner, MemberRole.Owner, day, null, revision) };
        Events.Add(Joined(rows[0], at));

        for (var steps = rng.Next(0, 14); steps > 0; steps--)
        {
            revision++;
            at = at.AddMinutes(rng.Next(-30, 120));
            day = day.AddDays(rng.Next(0, 20));
            var open = rows.Where(r => r.LeftOn is null && r.Role != MemberRole.Owner).ToList();
            var outside = actors.Where(a => !rows.Any(r => r.ActorId == a && (r.LeftOn is null || r.LeftOn >= day))).ToList();
            switch (rng.Next(3))
            {
                case 0:
                    plan = RandomPlan(rng, id, owner, revision, at);
                    Events.Add(plan);
                    break;
                case 1 when outside.Count > 0:
                    var joined = new MembershipRow(id, outside[rng.Next(outside.Count)], rng.Next(2) == 0 ? MemberRole.Partner : MemberRole.StrategicOnly, day, null, revision);
                    rows.Add(joined);
                    Events.Add(Joined(joined, at));
                    break;
                case 2 when open.Count > 0:
                    var leaving = open[rng.Next(open.Count)];
                    var left = leaving with { LeftOn = day < leaving.JoinedOn ? leaving.JoinedOn : day, Revision = revision };
                    rows[rows.IndexOf(leaving)] = left;
                    Events.Add(new MemberLeft
                    {
                        CollaborationId = id, ActorId = left.ActorId, LeftOn = left.LeftOn!.Value, Role = left.Role, JoinedOn = left.JoinedOn,
                        OccurredAt = at, Revision = revision,
                    });
                    break;
                default:
                    revision--; // nothing happened
                    break;
            }
        }
        Collaborations[id] = plan;
        Memberships.AddRange(rows);
    }

    private static MemberJoined Joined(MembershipRow row, DateTimeOffset at) => new()
        { CollaborationId = row.CollaborationId, ActorId = row.ActorId, Role = row.Role, JoinedOn = row.JoinedOn, OccurredAt = at, Revision = row.Revision };

    private static ActorUpdated RandomActor(Random rng, Guid id, long revision, DateTimeOffset at) => new()
    {
        ActorId = id, Name = $"Aktör {rng.Next(1000)}", OrganisationNumber = "2021005489", Sector = Sectors[rng.Next(Sectors.Length)],
        Kind = Kinds[rng.Next(Kinds.Length)], MunicipalityCode = rng.Next(3) == 0 ? null : $"0{rng.Next(114, 999)}", UpdatedAt = at, Revision = revision,
    };

    private static CollaborationUpdated RandomPlan(Random rng, Guid id, Guid owner, long revision, DateTimeOffset at)
    {
        var start = new DateOnly(2026, 1, 1).AddDays(rng.Next(0, 60));
        return new CollaborationUpdated
        {
            CollaborationId = id, Name = $"Samverkan {rng.Next(1000)}", OwnerActorId = owner, TargetGroups = [TargetGroup.Young],
            MunicipalityCodes = ["0880"], StartDate = start, EndDate = start.AddDays(rng.Next(365, 1000)), FinancingSource = FinancingSource.EsfPlus,
            Budget = rng.Next(1, 100) * 10_000m, ParticipantTarget = rng.Next(10, 500), ExitToWorkOrStudiesTargetShare = rng.Next(10, 90),
            UpdatedAt = at, Revision = revision,
        };
    }
}
