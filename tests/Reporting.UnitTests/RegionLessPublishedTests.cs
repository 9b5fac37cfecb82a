using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

/// <summary>
/// Differencing across scopes: anyone may read every collaboration's published summary, and any coordinator the regional
/// view across all collaborations, both suppressed. The region's cells are the sums of the collaborations' cells under the
/// same keys (started by municipality, exits by municipality), so the region less every collaboration but one must not
/// give back a cell that one hides: at a month-end, and over any period of whole months (each scope's period pattern is
/// the difference of its two month-end patterns, as the API decides it).
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

    private const int Months = 4;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_hidden_cell_follows_from_every_collaboration_and_the_region_over_every_period_and_month_end(int seed)
    {
        var random = new Random(seed);
        var threshold = random.Next(3, 7);
        var collaborations = Enumerable.Range(0, random.Next(2, 4)).Select(_ => RandomParticipants(random)).ToList();
        var adversary = new Adversary();
        var names = new Dictionary<Guid, string>();
        DateOnly MonthEnd(int m) => new DateOnly(2026, 1, 1).AddMonths(m).AddDays(-1); // 0: before the first month

        // Each scope's counts and pattern at every month-end, decided as the API decides them.
        var counts = collaborations.Select(c => Enumerable.Range(0, Months + 1).Select(m => c.Until(Counters.Collaboration, MonthEnd(m))).ToArray()).ToList();
        var patterns = counts.Select(c => Enumerable.Range(0, Months + 1)
            .Select(m => ScopePatterns.Decide(Counters.Collaboration, MonthEnd(m), c[m], threshold)).ToArray()).ToList();
        var region = Enumerable.Range(0, Months + 1).Select(m => RegionalCounts.Of(counts.SelectMany(c => c[m]))).ToArray();
        var regional = Enumerable.Range(0, Months + 1).Select(m => ScopePatterns.DecideRegional(region[m], null,
            [.. patterns.Select(p => new ScopePatterns.RegionPart(p[m], Known: false))], MonthEnd(m), threshold)).ToArray();

        // What anyone may ask: every collaboration's summary and the regional view, as of each month-end and for each period.
        // Variables: "C{c}" or "R", then "V{m}" (as of month-end m) or "P{a}-{b}" (months a to b), then the cell's key.
        var scopes = Enumerable.Range(0, collaborations.Count).Select(c => $"C{c}").Append("R").ToList();
        for (var b = 1; b <= Months; b++)
            for (var a = 0; a <= b; a++) // a = 0: as of month-end b; otherwise the period of months a to b
            {
                var (from, to) = (a, b);
                DateOnly? start = a == 0 ? null : MonthEnd(a - 1).AddDays(1);
                string Variable(string scope, Recording.RecordedCell cell) =>
                    a == 0 || cell.Stock ? $"{scope}V{to}:{cell.Key}" : $"{scope}P{from}-{to}:{cell.Key}";
                for (var c = 0; c < collaborations.Count; c++)
                {
                    CellPattern pattern = a == 0 ? patterns[c][b] : new PeriodPattern(patterns[c][a - 1], patterns[c][b]);
                    var shown = a == 0 ? counts[c][b] : ScopePatterns.Subtract(counts[c][b], counts[c][a - 1]);
                    var cumulative = counts[c][b];
                    adversary.Learn(Recording.Of(pattern, r => CollaborationSummaryBuilder.Render(Counters.Collaboration, null, MonthEnd(to), shown, names,
                        ReportLanguage.Swedish, r, start, cumulative)), cell => Variable(scopes[c], cell));
                }
                CellPattern regionPattern = a == 0 ? regional[b] : new PeriodPattern(regional[a - 1], regional[b]);
                var regionShown = a == 0 ? region[b] : RegionalCounts.Of(counts.SelectMany(c => ScopePatterns.Subtract(c[b], c[a - 1])));
                adversary.Learn(Recording.Of(regionPattern, r => RegionalViewBuilder.Render(regionShown, MonthEnd(to), start, null, null,
                    ReportLanguage.Swedish, r)), cell => Variable("R", cell));
            }

        foreach (var scope in scopes)
        {
            // Before the first month nothing has happened; a period is the difference of its ends.
            foreach (var key in adversary.KeysOf($"{scope}V0:"))
                adversary.Know($"{scope}V0:{key}", 0);
            for (var b = 1; b <= Months; b++)
                for (var a = 1; a <= b; a++)
                    foreach (var key in adversary.KeysOf($"{scope}P{a}-{b}:"))
                        adversary.Equation([($"{scope}P{a}-{b}:{key}", 1), ($"{scope}V{b}:{key}", -1), ($"{scope}V{a - 1}:{key}", 1)], 0);
        }
        // The region is its collaborations, cell by cell, as of every month-end and over every period; a row a summary leaves
        // out is a 0.
        var times = Enumerable.Range(1, Months).SelectMany(b => Enumerable.Range(1, b).Select(a => $"P{a}-{b}").Prepend($"V{b}")).ToList();
        foreach (var time in times)
            foreach (var key in adversary.KeysOf($"R{time}:").Where(k => k.StartsWith(Dimensions.Municipality + ":", StringComparison.Ordinal)))
            {
                foreach (var scope in scopes.SkipLast(1))
                    if (!adversary.KeysOf($"{scope}{time}:").Contains(key))
                        adversary.Know($"{scope}{time}:{key}", 0);
                adversary.Equation([($"R{time}:{key}", -1), .. scopes.SkipLast(1).Select(scope => ($"{scope}{time}:{key}", 1))], 0);
            }

        var leaks = adversary.Derived().Where(adversary.IsHidden).ToList();
        Assert.True(leaks.Count == 0, $"seed {seed}, threshold {threshold}: derived hidden cells {string.Join(", ", leaks.Take(8))}; " +
            string.Join(" | ", leaks.Take(3).Select(l => $"{l} from {adversary.Why.GetValueOrDefault(l, "shown elsewhere")}")));
    }

    /// <summary>Participants starting in the first months, some leaving with an outcome before the last month ends.</summary>
    private static Counters RandomParticipants(Random random)
    {
        var counters = new Counters();
        var genders = new[] { Gender.Woman, Gender.Woman, Gender.Man, Gender.Man, Gender.NonBinary };
        var outcomes = Enum.GetValues<ExitOutcome>();
        for (var n = random.Next(1, 40); n > 0; n--)
        {
            var start = new DateOnly(2026, random.Next(1, Months + 1), random.Next(1, 29));
            var exit = start.AddDays(random.Next(0, 100));
            ExitOutcome? outcome = random.NextDouble() < 0.6 && exit <= new DateOnly(2026, Months, 28) ? outcomes[random.Next(outcomes.Length)] : null;
            counters.Add(1, genders[random.Next(genders.Length)], outcome, Codes[random.Next(Codes.Length)], start: start, exit: exit);
        }
        return counters;
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
