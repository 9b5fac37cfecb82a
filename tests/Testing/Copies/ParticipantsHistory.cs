using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;

namespace Samverkan.Testing.Copies;

/// <summary>One consent as Participants holds it: given once, withdrawn at most once; a new grant is a new consent.</summary>
public sealed record ConsentRow(Guid ConsentId, Guid ParticipantId, ConsentPurpose Purpose, Guid RecipientActorId, DateOnly GivenOn, DateTimeOffset? WithdrawnAt);

/// <summary>One participant's last state in Participants: its facts, its exit, each month's last hours total.</summary>
public sealed record ParticipantState(ParticipantEnrolled Enrolled, ParticipantUpdated Facts, ParticipantExited? Exit, bool Erased, IReadOnlyList<MonthlyHoursRecorded> Hours);

/// <summary>
/// A random history of what Participants owns in one collaboration — participants enrolled, their facts corrected (each
/// enrolment and correction with the participant's revision, as Participants raises it),
/// consents given and withdrawn again and again (each grant a consent of its own, as Participants records them), hours
/// recorded (each month's new total), exits and erasures (restating the final state, as Participants' erasure does) —
/// as the events Participants publishes for it, and the state it ends in. Nothing is published about a participant
/// after its erasure, as in Participants. The copying services' property tests deliver the events in any
/// order, repeated, and compare their copy with <see cref="Participants"/> and <see cref="Consents"/>.
/// </summary>
public sealed class ParticipantsHistory
{
    private static readonly Gender[] Genders = Enum.GetValues<Gender>();
    private static readonly ConsentPurpose[] Purposes = Enum.GetValues<ConsentPurpose>();
    private static readonly ExitOutcome[] Outcomes = Enum.GetValues<ExitOutcome>();
    private static readonly BenefitType[] Benefits = Enum.GetValues<BenefitType>();
    private static readonly string[] Municipalities = ["0880", "0881", "0882", "0883"];

    public Guid CollaborationId { get; } = Guid.NewGuid();
    /// <summary>The agencies that refer participants.</summary>
    public List<Guid> ReferringActors { get; } = [Guid.NewGuid(), Guid.NewGuid()];
    /// <summary>The employers (as actors) consents name as recipients.</summary>
    public List<Guid> Recipients { get; } = [Guid.NewGuid(), Guid.NewGuid()];
    public List<object> Events { get; } = [];
    public Dictionary<Guid, ParticipantState> Participants { get; } = [];
    /// <summary>Every consent ever given, with its withdrawal if it has one.</summary>
    public List<ConsentRow> Consents { get; } = [];

    public static ParticipantsHistory Generate(Random rng)
    {
        var history = new ParticipantsHistory();
        for (var p = rng.Next(2, 6); p > 0; p--)
            history.AddParticipant(rng);
        return history;
    }

    private void AddParticipant(Random rng)
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(rng.Next(0, 600));
        var start = new DateOnly(2026, 1, 1).AddDays(rng.Next(0, 60));
        long revision = 1;
        var facts = RandomFacts(rng, id, at, revision);
        var enrolled = new ParticipantEnrolled
        {
            ParticipantId = id, CollaborationId = CollaborationId, Gender = facts.Gender, AgeBand = facts.AgeBand, MunicipalityCode = facts.MunicipalityCode,
            ReferringActorId = ReferringActors[rng.Next(ReferringActors.Count)], ReferralDate = start.AddDays(-7), TargetGroups = facts.TargetGroups,
            StartDate = start, LabourMarketStatusAtEntry = facts.LabourMarketStatusAtEntry, EducationLevelAtEntry = facts.EducationLevelAtEntry, EnrolledAt = at,
            Revision = revision,
            // Never corrected (ParticipantUpdated does not carry it); absent from enrolments published before it was.
            BenefitAtStart = rng.Next(4) == 0 ? null : Benefits[rng.Next(Benefits.Length)],
        };
        Events.Add(enrolled);
        ParticipantExited? exit = null;
        var hours = new SortedDictionary<DateOnly, MonthlyHoursRecorded>();
        // Hours totals are ordered by when they were recorded (Participants' clock, which moves on with each recording).
        var recordedAt = at;
        var day = start;
        for (var steps = rng.Next(0, 12); steps > 0; steps--)
        {
            // Later steps usually, but not always, carry later times: clocks are not what orders them.
            at = at.AddMinutes(rng.Next(-30, 120));
            day = day.AddDays(rng.Next(0, 10));
            var active = Consents.Where(c => c.ParticipantId == id && c.WithdrawnAt is null).ToList();
            switch (rng.Next(5))
            {
                case 0:
                    facts = RandomFacts(rng, id, at, ++revision);
                    Events.Add(facts);
                    break;
                case 1:
                    // At most one consent in force per purpose and recipient: giving it again while in force records nothing.
                    var purpose = Purposes[rng.Next(Purposes.Length)];
                    var recipient = Recipients[rng.Next(Recipients.Count)];
                    if (active.Any(c => c.Purpose == purpose && c.RecipientActorId == recipient))
                        break;
                    var consent = new ConsentRow(Guid.NewGuid(), id, purpose, recipient, day, null);
                    Consents.Add(consent);
                    Events.Add(new ConsentGiven
                    {
                        ConsentId = consent.ConsentId, ParticipantId = id, CollaborationId = CollaborationId, Purpose = purpose,
                        RecipientActorId = recipient, GivenOn = day,
                    });
                    break;
                case 2 when active.Count > 0:
                    var withdrawn = active[rng.Next(active.Count)] with { WithdrawnAt = at };
                    Consents[Consents.FindIndex(c => c.ConsentId == withdrawn.ConsentId)] = withdrawn;
                    Events.Add(new ConsentWithdrawn
                    {
                        ConsentId = withdrawn.ConsentId, ParticipantId = id, CollaborationId = CollaborationId, Purpose = withdrawn.Purpose,
                        RecipientActorId = withdrawn.RecipientActorId, WithdrawnOn = day, WithdrawnAt = at,
                    });
                    break;
                case 3 when exit is null:
                    exit = new ParticipantExited
                    {
                        ParticipantId = id, CollaborationId = CollaborationId, ExitDate = day, Outcome = Outcomes[rng.Next(Outcomes.Length)],
                        GainedQualification = rng.Next(2) == 0, ExitedAt = at,
                    };
                    Events.Add(exit);
                    break;
                case 4:
                    var month = new DateOnly(day.Year, day.Month, 1);
                    recordedAt = recordedAt.AddMinutes(rng.Next(1, 60));
                    var total = new MonthlyHoursRecorded
                    {
                        ParticipantId = id, CollaborationId = CollaborationId, Month = month,
                        TotalHours = (hours.TryGetValue(month, out var before) ? before.TotalHours : 0m) + rng.Next(1, 9) * 0.5m, RecordedAt = recordedAt,
                    };
                    hours[month] = total;
                    Events.Add(total);
                    break;
            }
        }
        var erased = rng.Next(3) == 0;
        if (erased)
            Events.Add(new ParticipantErased
            {
                ParticipantId = id, CollaborationId = CollaborationId, Reason = ErasureReason.LawfulRequest, ErasedAt = at.AddDays(1),
                Enrolment = enrolled with
                {
                    Gender = facts.Gender, AgeBand = facts.AgeBand, MunicipalityCode = facts.MunicipalityCode, TargetGroups = facts.TargetGroups,
                    LabourMarketStatusAtEntry = facts.LabourMarketStatusAtEntry, EducationLevelAtEntry = facts.EducationLevelAtEntry, Revision = facts.Revision,
                },
                Exit = exit,
                MonthlyHours = hours.Values.ToList(),
            });
        Participants[id] = new ParticipantState(enrolled, facts, exit, erased, hours.Values.ToList());
    }

    private ParticipantUpdated RandomFacts(Random rng, Guid id, DateTimeOffset at, long revision) => new()
    {
        ParticipantId = id, CollaborationId = CollaborationId, Gender = Genders[rng.Next(Genders.Length)],
        AgeBand = rng.Next(4) == 0 ? null : Enum.GetValues<AgeBand>()[rng.Next(5)], MunicipalityCode = Municipalities[rng.Next(Municipalities.Length)],
        TargetGroups = rng.Next(2) == 0 ? [TargetGroup.Young] : [TargetGroup.LongTermUnemployed, TargetGroup.Young],
        LabourMarketStatusAtEntry = Enum.GetValues<LabourMarketStatus>()[rng.Next(4)], EducationLevelAtEntry = Enum.GetValues<EducationLevel>()[rng.Next(3)],
        UpdatedAt = at, Revision = revision,
    };
}
