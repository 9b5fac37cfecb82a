using Samverkan.Employers.Model;
using static Samverkan.Employers.UnitTests.MatchFixtures;

namespace Samverkan.Employers.UnitTests;

public sealed class MatchScoringTests
{
    [Fact]
    public void A_candidate_meeting_everything_scores_the_maximum_with_every_reason_met()
    {
        var result = MatchScoring.Score(Offer(), Candidate());

        Assert.Equal(100, MatchScoring.Max);
        Assert.Equal(MatchScoring.Max, result.Score);
        Assert.Equal(9, result.Reasons.Count);
        Assert.All(result.Reasons, r => Assert.True(r.Met, r.Code));
        Assert.Equal(["occupation", "skills", "swedish", "driving-licence", "distance", "start-date", "hours", "adaptations", "readiness"],
            result.Reasons.Select(r => r.Code.Split('.')[0]));
        Assert.Equal(result.Score, result.Reasons.Sum(r => r.Points));
        Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }

    [Theory]
    [InlineData("7119", "occupation.exact", 25)]
    [InlineData("7112", "occupation.same-minor-group", 15)]
    [InlineData("7121", "occupation.same-sub-major-group", 8)]
    [InlineData("5223", "occupation.none", 0)]
    public void Occupation_scores_by_how_much_of_the_SSYK_code_agrees(string interest, string code, int points)
    {
        var reason = Reason(MatchScoring.Score(Offer(), Candidate(occupations: [interest])), "occupation");

        Assert.Equal(code, reason.Code);
        Assert.Equal(points, reason.Points);
        Assert.Equal(points == 25, reason.Met);
    }

    [Fact]
    public void The_best_of_several_interests_counts()
    {
        var reason = Reason(MatchScoring.Score(Offer(), Candidate(occupations: ["5223", "7112", "7119"])), "occupation");
        Assert.Equal("occupation.exact", reason.Code);
    }

    [Fact]
    public void Skills_met_and_missing_are_listed_and_scored_by_share()
    {
        var result = MatchScoring.Score(Offer(skills: ["svets", "truckkort", "b-körkort"]), Candidate(skills: ["truckkort"]));

        Assert.Equal(["truckkort"], result.SkillsMet);
        Assert.Equal(["svets", "b-körkort"], result.SkillsMissing);
        var reason = Reason(result, "skills");
        Assert.Equal("skills.some-met", reason.Code);
        Assert.Equal(6, reason.Points); // 20 × 1/3 rounded down
        Assert.False(reason.Met);
        Assert.Contains("Saknar: svets, b-körkort", reason.Text);
    }

    [Fact]
    public void No_required_skills_is_full_points_and_none_met_is_zero()
    {
        Assert.Equal("skills.none-required", Reason(MatchScoring.Score(Offer(skills: []), Candidate(skills: [])), "skills").Code);
        var none = Reason(MatchScoring.Score(Offer(), Candidate(skills: ["kassa"])), "skills");
        Assert.Equal(("skills.none-met", 0), (none.Code, none.Points));
    }

    [Fact]
    public void Skills_compare_after_normalising_case_and_spaces()
    {
        Assert.Equal("skills.all-met", Reason(MatchScoring.Score(
            Offer(skills: Labels.NormaliseAll(["Truckkort", " SVETS "]).ToArray()),
            Candidate(skills: Labels.NormaliseAll(["svets", "truckkort"]).ToArray())), "skills").Code);
    }

    [Theory]
    [InlineData(SwedishLevel.Fluent, SwedishLevel.Advanced, 10, "swedish.met")]
    [InlineData(SwedishLevel.Advanced, SwedishLevel.Advanced, 10, "swedish.met")]
    [InlineData(SwedishLevel.Intermediate, SwedishLevel.Advanced, 4, "swedish.one-level-below")]
    [InlineData(SwedishLevel.Basic, SwedishLevel.Advanced, 0, "swedish.below")]
    [InlineData(SwedishLevel.None, SwedishLevel.None, 10, "swedish.met")]
    public void Swedish_level_at_or_above_the_requirement_is_met_one_below_gets_part(SwedishLevel has, SwedishLevel required, int points, string code)
    {
        var reason = Reason(MatchScoring.Score(Offer(swedish: required), Candidate(swedish: has)), "swedish");
        Assert.Equal((code, points), (reason.Code, reason.Points));
    }

    [Theory]
    [InlineData(true, false, "driving-licence.missing", 0)]
    [InlineData(true, true, "driving-licence.met", 5)]
    [InlineData(false, false, "driving-licence.not-required", 5)]
    public void A_required_driving_licence_must_be_held(bool required, bool has, string code, int points)
    {
        var reason = Reason(MatchScoring.Score(Offer(licence: required), Candidate(licence: has)), "driving-licence");
        Assert.Equal((code, points), (reason.Code, reason.Points));
        Assert.Equal(code == "driving-licence.missing" ? "Körkort krävs men saknas." : reason.Text, reason.Text);
    }

    [Theory]
    [InlineData("0880", 0, "distance.same-municipality-within-commute", 15)]
    [InlineData("0861", 40, "distance.same-county-within-commute", 15)] // Mönsterås, same county as Kalmar
    [InlineData("0861", 39, "distance.same-county-beyond-commute", 0)]
    [InlineData("0180", 149, "distance.other-county-beyond-commute", 0)]
    [InlineData("0180", 150, "distance.other-county-within-commute", 15)]
    public void Distance_compares_the_nominal_distance_of_the_band_with_the_max_commute(string home, int commute, string code, int points)
    {
        var result = MatchScoring.Score(Offer(municipality: "0880"), Candidate(municipality: home, commute: commute));
        var reason = Reason(result, "distance");
        Assert.Equal((code, points), (reason.Code, reason.Points));
        Assert.Contains($"maxpendling {commute} km", reason.Text);
    }

    [Theory]
    [InlineData(-1, "start-date.available", 5)]
    [InlineData(0, "start-date.available", 5)]
    [InlineData(14, "start-date.available-shortly-after", 2)]
    [InlineData(15, "start-date.not-available", 0)]
    public void Availability_before_the_start_date_is_met_a_fortnight_late_gets_part(int daysAfterStart, string code, int points)
    {
        var reason = Reason(MatchScoring.Score(Offer(), Candidate(from: Start.AddDays(daysAfterStart))), "start-date");
        Assert.Equal((code, points), (reason.Code, reason.Points));
    }

    [Theory]
    [InlineData(40, "hours.met", 5)]
    [InlineData(20, "hours.at-least-half", 2)]
    [InlineData(19.5, "hours.below-half", 0)]
    public void Hours_per_week_against_the_offer(decimal hours, string code, int points)
    {
        var reason = Reason(MatchScoring.Score(Offer(hours: 40), Candidate(hours: hours)), "hours");
        Assert.Equal((code, points), (reason.Code, reason.Points));
    }

    [Fact]
    public void Adaptations_needed_are_scored_by_the_share_offered_and_never_named()
    {
        var some = Reason(MatchScoring.Score(Offer(adaptations: ["hörselslinga", "anpassade arbetstider"]),
            Candidate(needs: ["anpassade arbetstider", "tyst rum", "hörselslinga"])), "adaptations");
        Assert.Equal(("adaptations.some-missing", 6), (some.Code, some.Points)); // 10 × 2/3 rounded down
        Assert.DoesNotContain("tyst rum", some.Text);
        Assert.Contains("2 av 3", some.Text);

        Assert.Equal("adaptations.none-needed", Reason(MatchScoring.Score(Offer(), Candidate(needs: [])), "adaptations").Code);
        Assert.Equal("adaptations.all-offered", Reason(MatchScoring.Score(Offer(adaptations: ["tyst rum"]), Candidate(needs: ["tyst rum"])), "adaptations").Code);
    }

    [Theory]
    [InlineData(Readiness.Ready, 5)]
    [InlineData(Readiness.SoonReady, 2)]
    [InlineData(Readiness.NotReady, 0)]
    public void Readiness_adds_points(Readiness readiness, int points) =>
        Assert.Equal(points, Reason(MatchScoring.Score(Offer(), Candidate(readiness: readiness)), "readiness").Points);

    /// <remarks>
    /// Calling a pure function twice proves nothing. What can differ between two scorings of the same person is the
    /// order in which the profile's lists were entered (a caseworker adds skills in any order); the score, its reasons
    /// and their texts must not. The offer's lists keep the employer's order, which the texts follow on purpose.
    /// </remarks>
    [Fact]
    public void Scoring_is_deterministic_whatever_the_order_of_the_profiles_lists()
    {
        var offer = Offer(skills: ["truckkort", "svets", "b-körkort"], adaptations: ["anpassade arbetstider", "hörslinga"]);
        var a = MatchScoring.Score(offer, Candidate(occupations: ["5223", "7119"], skills: ["svets", "truckkort"], needs: ["hörslinga", "anpassade arbetstider"]));
        var b = MatchScoring.Score(offer, Candidate(occupations: ["7119", "5223"], skills: ["truckkort", "svets"], needs: ["anpassade arbetstider", "hörslinga"]));
        Assert.Equal(a.Score, b.Score);
        Assert.Equal(a.Reasons, b.Reasons);
        Assert.Equal(a.SkillsMet, b.SkillsMet);
        Assert.Equal(a.SkillsMissing, b.SkillsMissing);
    }

    [Fact]
    public void Equal_scores_order_by_participant_id()
    {
        var low = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var high = Guid.Parse("00000000-0000-0000-0000-000000000002");
        Assert.True(MatchScoring.Compare(50, low, 50, high) < 0);
        Assert.True(MatchScoring.Compare(49, low, 50, high) > 0);
    }
}
