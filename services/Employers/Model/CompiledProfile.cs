using System.Collections.Concurrent;

namespace Samverkan.Employers.Model;

/// <summary>Gives each distinct label (skill, adaptation) a small integer, so ranking compares integers, not strings.</summary>
public sealed class LabelTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _next;

    public int Intern(string label) => _ids.GetOrAdd(label, _ => Interlocked.Increment(ref _next));

    /// <summary>The id of a known label, or -1: a label no profile has can never be met.</summary>
    public int Find(string label) => _ids.TryGetValue(label, out var id) ? id : -1;
}

/// <summary>A matching profile reduced to integers for the ranking scan; <see cref="Candidate"/> keeps the whole for the reasons.</summary>
public sealed class CompiledProfile
{
    public required MatchCandidate Candidate { get; init; }
    public required int[] Occupations { get; init; }
    public required int[] Skills { get; init; }
    public required int[] AdaptationsNeeded { get; init; }
    public required int AvailableFromDay { get; init; }
    /// <summary>The kommunkod as an integer: its county is the value / 100.</summary>
    public required int Municipality { get; init; }
    public required int HoursTenths { get; init; }
    public required SwedishLevel Swedish { get; init; }
    public required bool DrivingLicence { get; init; }
    public required int MaxCommuteKm { get; init; }
    /// <summary>The points that depend on the profile alone (readiness), added once.</summary>
    public required int FixedPoints { get; init; }
    /// <summary>The employers (actor ids) an anonymous-profile consent in force names: the profile is shown to these only.</summary>
    public IReadOnlyList<Guid> Recipients { get; init; } = [];

    /// <summary>The agencies that reach the participant (its own and consented recipients; <c>Apis.ParticipantAccess</c>).</summary>
    public IReadOnlyList<Guid> ReachedBy { get; init; } = [];

    public bool IsShownTo(Guid employerActorId) => Recipients.Contains(employerActorId);

    public static CompiledProfile Compile(
        MatchCandidate candidate, LabelTable skills, LabelTable adaptations, IReadOnlyList<Guid>? recipients = null, IReadOnlyList<Guid>? reachedBy = null) => new()
    {
        Recipients = recipients ?? [],
        ReachedBy = reachedBy ?? [],
        Candidate = candidate,
        Occupations = Map(candidate.OccupationCodes, int.Parse),
        Skills = Map(candidate.Skills, skills.Intern),
        AdaptationsNeeded = Map(candidate.AdaptationsNeeded, adaptations.Intern),
        AvailableFromDay = candidate.AvailableFrom.DayNumber,
        Municipality = int.Parse(candidate.MunicipalityCode),
        HoursTenths = Ranking.Tenths(candidate.HoursPerWeek),
        Swedish = candidate.SwedishLevel,
        DrivingLicence = candidate.DrivingLicence,
        MaxCommuteKm = candidate.MaxCommuteKm,
        FixedPoints = MatchScoring.ReadinessPoints(candidate.Readiness),
    };

    /// <summary>
    /// A loop rather than LINQ: compiling many profiles in a row then allocates nothing between one profile's
    /// object and its arrays, so the scan reads memory in order (measured: twice as fast as scattered profiles).
    /// </summary>
    private static int[] Map(IReadOnlyList<string> values, Func<string, int> map)
    {
        var result = new int[values.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = map(values[i]);
        return result;
    }
}

/// <summary>An offer reduced to integers against the same label tables.</summary>
public sealed class CompiledOffer
{
    public required MatchOffer Offer { get; init; }
    public required int Occupation { get; init; }
    public required int[] Skills { get; init; }
    public required int[] Adaptations { get; init; }
    public required int StartDay { get; init; }
    public required int Municipality { get; init; }
    public required int HoursTenths { get; init; }

    public static CompiledOffer Compile(MatchOffer offer, LabelTable skills, LabelTable adaptations) => new()
    {
        Municipality = int.Parse(offer.MunicipalityCode),
        HoursTenths = Ranking.Tenths(offer.HoursPerWeek),
        Offer = offer,
        Occupation = int.Parse(offer.OccupationCode),
        Skills = offer.RequiredSkills.Select(skills.Find).ToArray(),
        Adaptations = offer.AdaptationsOffered.Select(adaptations.Find).Where(id => id >= 0).ToArray(),
        StartDay = offer.StartDate.DayNumber,
    };
}

/// <summary>
/// The fast path: scores every compiled profile against one offer with the same point functions as
/// <see cref="MatchScoring.Score"/> and keeps the best <c>top</c> in a bounded heap, so ranking 100,000
/// profiles allocates almost nothing and explains only the few it returns.
/// </summary>
public static class Ranking
{
    /// <summary>Hours per week in tenths: the column has one decimal, so this is exact and compares as integers.</summary>
    public static int Tenths(decimal hours) => (int)(hours * 10);

    public static int Points(CompiledOffer offer, CompiledProfile profile)
    {
        var o = offer.Offer;
        // Plain loops over the tiny arrays: Array.IndexOf's generic dispatch costs more than the search.
        var met = 0;
        var has = profile.Skills;
        foreach (var skill in offer.Skills)
        {
            for (var i = 0; i < has.Length; i++)
            {
                if (has[i] == skill) { met++; break; }
            }
        }
        var offered = 0;
        var needs = profile.AdaptationsNeeded;
        var offers = offer.Adaptations;
        for (var n = 0; n < needs.Length; n++)
        {
            for (var i = 0; i < offers.Length; i++)
            {
                if (offers[i] == needs[n]) { offered++; break; }
            }
        }
        var band = profile.Municipality == offer.Municipality ? DistanceBand.SameMunicipality
            : profile.Municipality / 100 == offer.Municipality / 100 ? DistanceBand.SameCounty
            : DistanceBand.OtherCounty;
        return profile.FixedPoints
            + MatchScoring.OccupationPoints(MatchScoring.Occupation(offer.Occupation, profile.Occupations))
            + MatchScoring.SkillPoints(met, offer.Skills.Length)
            + MatchScoring.SwedishPoints(profile.Swedish, o.SwedishLevel)
            + MatchScoring.LicencePoints(profile.DrivingLicence, o.DrivingLicence)
            + MatchScoring.DistancePoints(band, profile.MaxCommuteKm)
            + MatchScoring.StartPoints(profile.AvailableFromDay, offer.StartDay)
            + MatchScoring.HoursPoints(profile.HoursTenths, offer.HoursTenths)
            + MatchScoring.AdaptationPoints(offered, needs.Length);
    }

    /// <summary>The best <paramref name="top"/> profiles, best first (ties by participant id).</summary>
    public static IReadOnlyList<(CompiledProfile Profile, int Score)> Top(CompiledOffer offer, ReadOnlySpan<CompiledProfile> profiles, int top)
    {
        // Min-heap on "worse first": the root is the weakest of the kept, replaced when a better one comes.
        var heap = new PriorityQueue<(CompiledProfile Profile, int Score), (int Score, Guid Id)>(top + 1, WorseFirst.Instance);
        foreach (var profile in profiles)
        {
            var score = Points(offer, profile);
            var key = (score, profile.Candidate.ParticipantId);
            if (heap.Count < top)
                heap.Enqueue((profile, score), key);
            else if (top > 0 && heap.TryPeek(out _, out var weakest) && MatchScoring.Compare(score, key.ParticipantId, weakest.Score, weakest.Id) < 0)
                heap.EnqueueDequeue((profile, score), key);
        }
        var result = new List<(CompiledProfile, int)>(heap.Count);
        while (heap.TryDequeue(out var item, out _))
            result.Add(item);
        result.Reverse();
        return result;
    }

    /// <summary>Below this many profiles one core ranks faster than the hand-over to a second one costs.</summary>
    public const int ParallelThreshold = 20_000;

    /// <summary>
    /// <see cref="Top"/> over slices on several cores, merged. The order is total (score, then id), so the result is
    /// exactly the single-core one; only the latency of one large ranking drops.
    /// </summary>
    public static IReadOnlyList<(CompiledProfile Profile, int Score)> TopParallel(CompiledOffer offer, CompiledProfile[] profiles, int top, int slices)
    {
        if (slices <= 1 || profiles.Length < ParallelThreshold)
            return Top(offer, profiles, top);
        var parts = new IReadOnlyList<(CompiledProfile Profile, int Score)>[slices];
        var size = (profiles.Length + slices - 1) / slices;
        Parallel.For(0, slices, i =>
        {
            var start = i * size;
            parts[i] = Top(offer, profiles.AsSpan(start, Math.Min(size, profiles.Length - start)), top);
        });
        return parts.SelectMany(p => p)
            .Order(Comparer<(CompiledProfile Profile, int Score)>.Create((a, b) =>
                MatchScoring.Compare(a.Score, a.Profile.Candidate.ParticipantId, b.Score, b.Profile.Candidate.ParticipantId)))
            .Take(top)
            .ToList();
    }

    private sealed class WorseFirst : IComparer<(int Score, Guid Id)>
    {
        public static readonly WorseFirst Instance = new();
        public int Compare((int Score, Guid Id) x, (int Score, Guid Id) y) => -MatchScoring.Compare(x.Score, x.Id, y.Score, y.Id);
    }
}
