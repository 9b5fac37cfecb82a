using Samverkan.Employers.Model;
using static Samverkan.Employers.UnitTests.MatchFixtures;

namespace Samverkan.Employers.UnitTests;

public sealed class RankingTests
{
    private static readonly string[] Occupations = ["7119", "7112", "7121", "5223", "4112", "9111"];
    private static readonly string[] Skills = ["truckkort", "svets", "kassa", "excel", "b-körkort", "städ"];
    private static readonly string[] Places = ["0880", "0861", "0180", "1480", "0884"];
    private static readonly string[] Needs = ["anpassade arbetstider", "tyst rum", "hörselslinga"];

    /// <summary>Random but seeded: the same profiles every run.</summary>
    private static List<MatchCandidate> Population(int count, int seed = 7)
    {
        var random = new Random(seed);
        T[] Pick<T>(T[] from, int max) => from.OrderBy(_ => random.Next()).Take(random.Next(0, max + 1)).ToArray();
        return Enumerable.Range(0, count).Select(_ => Candidate(
            id: new Guid(random.Next(), (short)random.Next(), (short)random.Next(), 1, 2, 3, 4, 5, 6, 7, 8),
            occupations: Pick(Occupations, 3).DefaultIfEmpty("9111").ToArray(),
            skills: Labels.NormaliseAll(Pick(Skills, 4)).ToArray(),
            swedish: (SwedishLevel)random.Next(0, 5),
            licence: random.Next(2) == 0,
            municipality: Places[random.Next(Places.Length)],
            commute: random.Next(0, 200),
            from: Start.AddDays(random.Next(-60, 60)),
            hours: random.Next(5, 41),
            needs: Labels.NormaliseAll(Pick(Needs, 2)).ToArray(),
            readiness: (Readiness)random.Next(0, 3))).ToList();
    }

    [Fact]
    public void The_fast_path_gives_every_profile_the_same_score_as_the_explained_path()
    {
        var skills = new LabelTable();
        var adaptations = new LabelTable();
        var people = Population(2000);
        var compiled = people.Select(c => CompiledProfile.Compile(c, skills, adaptations)).ToList();
        foreach (var offer in new[] { Offer(), Offer(occupation: "5223", skills: ["kassa", "okänd"], licence: false, municipality: "0180"), Offer(skills: [], adaptations: []) })
        {
            var compiledOffer = CompiledOffer.Compile(offer, skills, adaptations);
            foreach (var profile in compiled)
                Assert.Equal(MatchScoring.Score(offer, profile.Candidate).Score, Ranking.Points(compiledOffer, profile));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(500)]
    public void Top_equals_a_full_sort_by_score_then_id(int top)
    {
        var skills = new LabelTable();
        var adaptations = new LabelTable();
        var compiled = Population(3000, seed: 11).Select(c => CompiledProfile.Compile(c, skills, adaptations)).ToList();
        var offer = Offer();
        var compiledOffer = CompiledOffer.Compile(offer, skills, adaptations);

        var fast = Ranking.Top(compiledOffer, compiled.ToArray(), top).Select(r => (r.Profile.Candidate.ParticipantId, r.Score)).ToList();

        var full = compiled.Select(p => (p.Candidate.ParticipantId, MatchScoring.Score(offer, p.Candidate).Score))
            .OrderByDescending(x => x.Score).ThenBy(x => x.ParticipantId).Take(top).ToList();
        Assert.Equal(full, fast);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Ranking_on_several_cores_gives_exactly_the_single_core_result(int slices)
    {
        var skills = new LabelTable();
        var adaptations = new LabelTable();
        var compiled = Population(Ranking.ParallelThreshold + 1001, seed: 5).Select(c => CompiledProfile.Compile(c, skills, adaptations)).ToArray();
        var offer = CompiledOffer.Compile(Offer(), skills, adaptations);

        var parallel = Ranking.TopParallel(offer, compiled, 50, slices).Select(r => (r.Profile.Candidate.ParticipantId, r.Score));
        var single = Ranking.Top(offer, compiled, 50).Select(r => (r.Profile.Candidate.ParticipantId, r.Score));
        Assert.Equal(single, parallel);
    }

    [Fact]
    public void Ranking_does_not_depend_on_the_order_profiles_are_held_in()
    {
        var skills = new LabelTable();
        var adaptations = new LabelTable();
        var compiled = Population(500, seed: 3).Select(c => CompiledProfile.Compile(c, skills, adaptations)).ToList();
        var offer = CompiledOffer.Compile(Offer(), skills, adaptations);

        var forward = Ranking.Top(offer, compiled.ToArray(), 20).Select(r => r.Profile.Candidate.ParticipantId);
        var backward = Ranking.Top(offer, compiled.AsEnumerable().Reverse().ToArray(), 20).Select(r => r.Profile.Candidate.ParticipantId);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Fewer_profiles_than_top_returns_them_all_and_none_returns_nothing()
    {
        var skills = new LabelTable();
        var adaptations = new LabelTable();
        var offer = CompiledOffer.Compile(Offer(), skills, adaptations);
        Assert.Equal(3, Ranking.Top(offer, Population(3).Select(c => CompiledProfile.Compile(c, skills, adaptations)).ToArray(), 20).Count);
        Assert.Empty(Ranking.Top(offer, [], 20));
    }

    [Fact]
    public void A_skill_no_profile_has_is_never_met()
    {
        var skills = new LabelTable();
        var adaptations = new LabelTable();
        var profile = CompiledProfile.Compile(Candidate(skills: ["svets"]), skills, adaptations);
        var offer = CompiledOffer.Compile(Offer(skills: ["helt-okänd"]), skills, adaptations);
        Assert.Equal(MatchScoring.Score(offer.Offer, profile.Candidate).Score, Ranking.Points(offer, profile));
        Assert.Equal(-1, offer.Skills[0]);
    }
}
