using Samverkan.Employers.Model;

namespace Samverkan.Employers.UnitTests;

/// <summary>An offer and a candidate that meet every criterion; tests change one thing at a time.</summary>
internal static class MatchFixtures
{
    public static readonly DateOnly Start = new(2026, 12, 1);

    public static MatchOffer Offer(
        string occupation = "7119", string municipality = "0880", string[]? skills = null, SwedishLevel swedish = SwedishLevel.Basic,
        bool licence = true, string[]? adaptations = null, decimal hours = 40, DateOnly? start = null) =>
        new(Guid.Parse("10000000-0000-0000-0000-000000000001"), occupation, municipality, start ?? Start, hours,
            skills ?? ["truckkort", "svets"], swedish, licence, adaptations ?? ["anpassade arbetstider"]);

    public static MatchCandidate Candidate(
        Guid? id = null, string[]? occupations = null, string[]? skills = null, SwedishLevel swedish = SwedishLevel.Intermediate,
        bool licence = true, string municipality = "0880", int commute = 30, DateOnly? from = null, decimal hours = 40,
        string[]? needs = null, Readiness readiness = Readiness.Ready) =>
        new(id ?? Guid.Parse("20000000-0000-0000-0000-000000000001"), occupations ?? ["7119"], skills ?? ["svets", "truckkort"], swedish,
            licence, municipality, commute, from ?? Start.AddDays(-10), hours, needs ?? [], readiness);

    public static MatchReason Reason(MatchResult result, string criterion) =>
        Assert.Single(result.Reasons, r => r.Code.StartsWith(criterion + ".", StringComparison.Ordinal));
}
