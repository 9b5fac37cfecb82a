using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

/// <summary>
/// Differencing across scopes: anyone may read every collaboration's published summary, and any coordinator the regional
/// view across all collaborations, both suppressed. The region's cells are the sums of the collaborations' cells under the
/// same keys (started by municipality, exits by municipality), so the region less every collaboration but one must not
/// give back a cell that one hides.
/// </summary>
public sealed class RegionLessPublishedTests
{
    private static readonly string[] Codes = ["0880", "0881"];
    private static readonly DateOnly End = new(2026, 6, 30);

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_hidden_cell_follows_from_the_regional_view_less_the_other_collaborations_published_summaries(int seed)
    {
        var random = new Random(seed);
        var threshold = random.Next(3, 7);
        var collaborations = Enumerable.Range(0, random.Next(2, 4)).Select(_ => RandomCounts(random)).ToList();
        var region = RegionalCounts.Of(collaborations.SelectMany(c => c));
        var adversary = new Adversary();
        var names = new Dictionary<Guid, string>();

        var parts = new List<ScopePatterns.RegionPart>();
        for (var i = 0; i < collaborations.Count; i++)
        {
            var counts = collaborations[i];
            var pattern = ScopePatterns.Decide(Counters.Collaboration, End, counts, threshold);
            parts.Add(new ScopePatterns.RegionPart(pattern, Known: false));
            var c = i;
            adversary.Learn(Recording.Of(pattern, r =>
                CollaborationSummaryBuilder.Render(Counters.Collaboration, null, End, counts, names, ReportLanguage.Swedish, r)), cell => $"C{c}:{cell.Key}");
        }
        var regional = ScopePatterns.DecideRegional(region, null, parts, End, threshold);
        adversary.Learn(Recording.Of(regional, r => RegionalViewBuilder.Render(region, End, null, null, null, ReportLanguage.Swedish, r)),
            cell => $"R:{cell.Key}");

        // The region is its collaborations, cell by cell; a row a summary leaves out is a 0 (hidden rows are listed).
        foreach (var key in adversary.KeysOf("R:").Where(k => k.StartsWith(Dimensions.Municipality + ":", StringComparison.Ordinal)))
        {
            for (var c = 0; c < collaborations.Count; c++)
                if (!adversary.KeysOf($"C{c}:").Contains(key))
                    adversary.Know($"C{c}:{key}", 0);
            adversary.Equation([($"R:{key}", -1), .. Enumerable.Range(0, collaborations.Count).Select(c => ($"C{c}:{key}", 1))], 0);
        }

        var leaks = adversary.Derived().Where(adversary.IsHidden).ToList();
        Assert.True(leaks.Count == 0, $"seed {seed}, threshold {threshold}: derived hidden cells {string.Join(", ", leaks.Take(8))}; " +
            string.Join(" | ", leaks.Take(3).Select(l => $"{l} from {adversary.Why.GetValueOrDefault(l, "shown elsewhere")}")));
    }

    private static List<DimensionCount> RandomCounts(Random random)
    {
        var counters = new Counters();
        var genders = new[] { Gender.Woman, Gender.Woman, Gender.Man, Gender.Man, Gender.NonBinary };
        for (var n = random.Next(1, 40); n > 0; n--)
            counters.Add(1, genders[random.Next(genders.Length)], null, Codes[random.Next(Codes.Length)],
                start: new DateOnly(2026, random.Next(1, 7), random.Next(1, 29)));
        return counters.Until(Counters.Collaboration, End);
    }
}
