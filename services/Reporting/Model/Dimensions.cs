using System.Globalization;
using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>The event whose date a counter counts a participant on: the dimensions' source.</summary>
public enum CountedAt
{
    /// <summary>The enrolment (<see cref="ParticipantEnrolled"/>, corrected by <see cref="ParticipantUpdated"/>); the day is the start date.</summary>
    Start,
    /// <summary>The exit (<see cref="ParticipantExited"/>); the day is the exit date.</summary>
    Exit,
    /// <summary>The first presentation to an employer (Employers' CandidatePresented); the day is the presentation date.</summary>
    FirstContact,
}

/// <summary>What a participant's counters are computed from: its facts, and its exit and first employer contact when held.</summary>
public readonly record struct CountedParticipant(ParticipantFact Fact, ParticipantExit? Exit, DateOnly? FirstContact);

/// <summary>
/// One dimension, declared once: its name (the counters' <c>dimension</c>), the event it comes from and its keys for one
/// participant (none: not counted; several: counted in each, so the rows overlap). <paramref name="Regional"/>: also
/// counted in <see cref="Dimensions.AllCollaborations"/>, for the regional view. <paramref name="CrossTable"/>: the name
/// cross-tables know it by, when they break participants down by it (<see cref="Dimensions.CrossCounters"/>).
/// </summary>
public sealed record Dimension(string Name, CountedAt At, Func<CountedParticipant, IEnumerable<string>> Keys, bool Regional = false, string? CrossTable = null);

/// <summary>
/// The projection of participants onto the pre-aggregated counters, declared once (<see cref="All"/>). The live consumers
/// (through <see cref="Counters"/>: subtract the old counters, add the new) and the rebuild (the same function over every
/// participant, COPY'd in) are both derived from it; so adding a dimension is one line here (and the fact it reads, if new).
/// </summary>
public static class Dimensions
{
    public const string Started = "started";
    public const string ReferringActor = "referring-actor";
    public const string Municipality = "municipality";
    public const string TargetGroup = "target-group";
    public const string AgeBand = "age-band";
    public const string LabourMarketStatus = "labour-market-status";
    public const string EducationLevel = "education-level";
    public const string BenefitAtStart = "benefit-at-start";
    /// <summary>Exits per outcome (key: the outcome's name); the day counted is the exit date.</summary>
    public const string ExitOutcome = "exit-outcome";
    /// <summary>Exits where a qualification was gained (ESF+ result indicator).</summary>
    public const string GainedQualification = "gained-qualification";
    /// <summary>Exits per municipality and outcome (key "0880:Employment"), for the regional view.</summary>
    public const string ExitMunicipality = "exit-municipality";
    /// <summary>Exits per referring actor and outcome (key "{actor id}:Employment"), for the collaboration summary.</summary>
    public const string ExitReferringActor = "exit-referring-actor";
    /// <summary>Days from start to first presentation to an employer (key: the number of days).</summary>
    public const string DaysToFirstContact = "days-to-first-contact";

    /// <summary>The scope of counters summed over every collaboration: the regional view without a collaboration.</summary>
    public static readonly Guid AllCollaborations = Guid.Empty;

    /// <summary>Key used for an absent value (an anonymous participant's unknown age).</summary>
    public const string UnknownKey = "unknown";

    /// <summary>Every dimension counted, in one place.</summary>
    public static readonly IReadOnlyList<Dimension> All =
    [
        new(Started, CountedAt.Start, _ => [""]),
        new(ReferringActor, CountedAt.Start, p => [p.Fact.ReferringActorId.ToString()], CrossTable: ReferringActor),
        new(Municipality, CountedAt.Start, p => [p.Fact.MunicipalityCode], Regional: true, CrossTable: Municipality),
        // A participant in two target groups counts in both rows: the rows overlap, so this table's columns
        // do not add up to the number started.
        new(TargetGroup, CountedAt.Start, p => p.Fact.TargetGroups.Distinct().Select(g => ((Contracts.Actors.TargetGroup)g).ToString()), CrossTable: TargetGroup),
        new(AgeBand, CountedAt.Start, p => [NameOf<AgeBand>(p.Fact.AgeBand)], CrossTable: AgeBand),
        new(LabourMarketStatus, CountedAt.Start, p => [NameOf<LabourMarketStatus>(p.Fact.LabourMarketStatus)], CrossTable: LabourMarketStatus),
        new(EducationLevel, CountedAt.Start, p => [NameOf<EducationLevel>(p.Fact.EducationLevel)], CrossTable: EducationLevel),
        new(BenefitAtStart, CountedAt.Start, p => [NameOf<BenefitType>(p.Fact.BenefitAtStart)], CrossTable: BenefitAtStart),
        new(ExitOutcome, CountedAt.Exit, p => [OutcomeOf(p)], CrossTable: "outcome"),
        new(GainedQualification, CountedAt.Exit, p => p.Exit!.GainedQualification ? [""] : []),
        new(ExitMunicipality, CountedAt.Exit, p => [$"{p.Fact.MunicipalityCode}:{OutcomeOf(p)}"], Regional: true),
        new(ExitReferringActor, CountedAt.Exit, p => [$"{p.Fact.ReferringActorId}:{OutcomeOf(p)}"]),
        new(DaysToFirstContact, CountedAt.FirstContact,
            p => [Math.Max(0, p.FirstContact!.Value.DayNumber - p.Fact.StartDate.DayNumber).ToString(CultureInfo.InvariantCulture)]),
    ];

    /// <summary>
    /// Every counter a participant counts in, with its scope, gender and day, times <paramref name="delta"/>: the one
    /// function the live consumers and the rebuild both use. <paramref name="only"/>: the counters of one event alone.
    /// </summary>
    public static IEnumerable<CounterDelta> Counters(CountedParticipant p, int delta, CountedAt? only = null)
    {
        foreach (var dimension in All)
        {
            if (only is { } at && dimension.At != at)
                continue;
            DateOnly? day = dimension.At switch
            {
                CountedAt.Start => p.Fact.StartDate,
                CountedAt.Exit => p.Exit?.ExitDate,
                _ => p.FirstContact,
            };
            if (day is null)
                continue;
            foreach (var key in dimension.Keys(p))
            {
                yield return new(p.Fact.CollaborationId, dimension.Name, key, p.Fact.Gender, day.Value, delta);
                if (dimension.Regional)
                    yield return new(AllCollaborations, dimension.Name, key, p.Fact.Gender, day.Value, delta);
            }
        }
    }

    /// <summary>The dimensions cross-tables break participants down by, in their canonical order (a pair is stored in it).</summary>
    public static readonly IReadOnlyList<Dimension> Crossed = All.Where(d => d.CrossTable is not null).ToList();

    /// <summary>The cross-table measure of participants started; exits are "exit:" and the outcome's name.</summary>
    public const string StartedMeasure = "started";

    /// <summary>
    /// The cross-table measures, in the order a <see cref="CrossCount"/> row holds their counts: started, then the exits of
    /// each outcome in the enum's order. A new outcome goes last (rows stored before it have no value for it, read as 0);
    /// reordering them needs a rebuild.
    /// </summary>
    public static readonly IReadOnlyList<string> CrossMeasures =
        [StartedMeasure, .. Enum.GetValues<Contracts.Participants.ExitOutcome>().Select(o => ExitMeasure(o.ToString()))];

    /// <summary>
    /// The cross-table counters a participant counts in: per calendar month of its start (measure started) and of its exit
    /// (measure exit:outcome), per crossed dimension alone and per pair of them (in <see cref="Crossed"/> order; the
    /// outcome, known at the exit only, only for exits), per gender, in its collaboration and in every collaboration's
    /// scope. Derived from the same declaration as <see cref="Counters"/>, for the same consumers and rebuild.
    /// </summary>
    public static IEnumerable<CrossDelta> CrossCounters(CountedParticipant p, int delta, CountedAt? only = null)
    {
        if (only is null or CountedAt.Start)
            foreach (var d in CrossOf(p, CountedAt.Start, StartedMeasure, p.Fact.StartDate, delta))
                yield return d;
        if (only is null or CountedAt.Exit && p.Exit is { } exit)
            foreach (var d in CrossOf(p, CountedAt.Exit, ExitMeasure(OutcomeOf(p)), exit.ExitDate, delta))
                yield return d;
    }

    /// <summary>The cross-table measure of exits with one outcome (its name).</summary>
    public static string ExitMeasure(string outcome) => "exit:" + outcome;

    private static IEnumerable<CrossDelta> CrossOf(CountedParticipant p, CountedAt at, string measure, DateOnly day, int delta)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        // The dimensions known at this event: an exit knows the participant's facts and its outcome; a start only the facts.
        var known = Crossed.Where(d => d.At == CountedAt.Start || d.At == at).Select(d => (d.CrossTable!, d.Keys(p).Distinct().ToList())).ToList();
        var gender = p.Fact.Gender;
        for (var i = 0; i < known.Count; i++)
        {
            var (rows, rowKeys) = known[i];
            foreach (var rowKey in rowKeys)
            {
                foreach (var scope in (Guid[])[p.Fact.CollaborationId, AllCollaborations])
                    yield return new(scope, rows, rowKey, "", "", gender, measure, month, delta);
                for (var j = i + 1; j < known.Count; j++)
                {
                    var (columns, columnKeys) = known[j];
                    foreach (var columnKey in columnKeys)
                        foreach (var scope in (Guid[])[p.Fact.CollaborationId, AllCollaborations])
                            yield return new(scope, rows, rowKey, columns, columnKey, gender, measure, month, delta);
                }
            }
        }
    }

    /// <summary>The collaboration-scoped (dimension, key) pairs an enrolment counts in on its start date.</summary>
    public static IReadOnlyList<(string Dimension, string Key)> Of(ParticipantEnrolled m) =>
        OfStart(FactOf(m), +1).Where(d => d.Scope == m.CollaborationId).Select(d => (d.Dimension, d.Key)).ToList();

    /// <summary>The counters of a participant's enrolment.</summary>
    public static IEnumerable<CounterDelta> OfStart(ParticipantFact f, int delta) => Counters(new(f, null, null), delta, CountedAt.Start);

    /// <summary>The counters of an exit; needs the enrolment's facts (gender, municipality, referrer).</summary>
    public static IEnumerable<CounterDelta> OfExit(ParticipantFact f, ParticipantExit x, int delta) => Counters(new(f, x, null), delta, CountedAt.Exit);

    /// <summary>The days-to-first-contact histogram entry; the day counted is the presentation date.</summary>
    public static IEnumerable<CounterDelta> FirstContact(ParticipantFact f, DateOnly presentedOn, int delta) =>
        Counters(new(f, null, presentedOn), delta, CountedAt.FirstContact);

    /// <summary>The facts an enrolment records (before any correction): what the consumer inserts.</summary>
    public static ParticipantFact FactOf(ParticipantEnrolled m) => new()
    {
        ParticipantId = m.ParticipantId, CollaborationId = m.CollaborationId, Gender = (int)m.Gender, AgeBand = (int?)m.AgeBand,
        MunicipalityCode = m.MunicipalityCode, ReferringActorId = m.ReferringActorId, TargetGroups = m.TargetGroups.Distinct().Select(g => (int)g).ToArray(),
        StartDate = m.StartDate, LabourMarketStatus = (int?)m.LabourMarketStatusAtEntry, EducationLevel = (int?)m.EducationLevelAtEntry,
        BenefitAtStart = (int?)m.BenefitAtStart, UpdatedAt = m.EnrolledAt, Revision = m.Revision ?? 0,
    };

    private static string OutcomeOf(CountedParticipant p) => ((Contracts.Participants.ExitOutcome)p.Exit!.Outcome).ToString();

    private static string NameOf<TEnum>(int? value) where TEnum : struct, Enum =>
        value is { } v ? Enum.ToObject(typeof(TEnum), v).ToString()! : UnknownKey;
}

/// <summary>
/// One change to one cross-table counter: a scope's participants of one month by the key of one crossed dimension
/// (<paramref name="Rows"/>), and of a second one or none ("" and ""), by gender and measure (<see cref="Dimensions.CrossMeasures"/>).
/// </summary>
public sealed record CrossDelta(Guid Scope, string Rows, string RowKey, string Columns, string ColumnKey, int Gender, string Measure, DateOnly Month, int Delta);

/// <summary>One change to one counter.</summary>
public sealed record CounterDelta(Guid Scope, string Dimension, string Key, int Gender, DateOnly Day, int Delta);
