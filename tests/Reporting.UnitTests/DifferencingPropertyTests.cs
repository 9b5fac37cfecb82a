using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

/// <summary>
/// Issue #15's differencing property: random participants, then every report a suppressed viewer of one
/// collaboration may ask for (summary, ESF+ indicators, regional view and each of its municipality filters; as of
/// every month-end and for every period of whole months), rendered as the API renders them (<see cref="ScopePatterns"/>).
/// An adversary collects every linear equation those requests show (each report's rows and totals, parts and groups,
/// the same people in two reports, a period as the difference of its two ends) and solves equations with one
/// unknown, again and again. It must derive no cell that any request hides.
/// </summary>
/// <remarks>
/// All requests at once, not a random few: what a few requests let one derive, all of them do too, and a cell
/// hidden in any request counts. Exports (CSV, XLSX, SVG) are written from the same cells as the JSON, so they show
/// nothing more. The equations within a report are the lines its builder registers; each is checked to hold on the
/// numbers (the last cell is the sum of the others), so a line misdeclared would fail here rather than be trusted.
/// </remarks>
public sealed class DifferencingPropertyTests
{
    private static readonly Guid Collaboration = Counters.Collaboration;
    private static readonly string[] Codes = ["0880", "0881", "0885"];
    private static readonly Guid[] Referrers = [Guid.NewGuid(), Guid.NewGuid()];
    private const int Months = 6;

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_hidden_cell_can_be_derived_from_everything_one_suppressed_viewer_may_request(int seed)
    {
        var random = new Random(seed);
        var threshold = random.Next(3, 7);
        var counters = RandomParticipants(random);
        var adversary = new Adversary();

        // Month-end m (0 = before the first month: nothing yet).
        DateOnly End(int m) => new DateOnly(2026, 1, 1).AddMonths(m).AddDays(-1);
        var counts = Enumerable.Range(0, Months + 1).Select(m => counters.Until(Collaboration, End(m))).ToArray();
        var patterns = Enumerable.Range(0, Months + 1).Select(m => ScopePatterns.Decide(Collaboration, End(m), counts[m], threshold)).ToArray();

        for (var m = 1; m <= Months; m++)
            foreach (var report in Reports())
                adversary.Learn(report(patterns[m], counts[m], counts[m], End(m), null), cell => $"V{m}:{cell.Key}");
        for (var a = 1; a <= Months; a++)
            for (var b = a; b <= Months; b++)
            {
                var period = new PeriodPattern(patterns[a - 1], patterns[b]);
                var flows = ScopePatterns.Subtract(counts[b], counts[a - 1]);
                foreach (var report in Reports())
                {
                    var (from, to) = (a, b);
                    adversary.Learn(report(period, flows, counts[b], End(b), End(a - 1).AddDays(1)),
                        cell => cell.Stock ? $"V{to}:{cell.Key}" : $"P{from}-{to}:{cell.Key}");
                }
                // A period is the difference of its ends, whether or not the viewer asks for those reports.
                foreach (var key in adversary.KeysOf($"P{a}-{b}:"))
                    adversary.Equation([($"P{a}-{b}:{key}", 1), ($"V{b}:{key}", -1), ($"V{a - 1}:{key}", 1)], 0);
            }
        // Before the first month nothing has happened: every count is 0, and anyone knows it.
        foreach (var key in adversary.KeysOf("V0:"))
            adversary.Know($"V0:{key}", 0);

        var leaks = adversary.Derived().Where(adversary.IsHidden).ToList();
        Assert.True(leaks.Count == 0, $"seed {seed}, threshold {threshold}: derived hidden cells {string.Join(", ", leaks.Take(8))}; " +
            string.Join(" | ", leaks.Take(3).Select(l => $"{l} from {adversary.Why.GetValueOrDefault(l, "shown elsewhere")}")));
    }

    [Fact]
    public void The_adversary_finds_a_hidden_cell_that_one_line_gives_away()
    {
        // The test's own check: without complementary suppression a row's small cell follows from its total.
        var adversary = new Adversary();
        var pattern = new OnlyPrimary(5);
        var cells = pattern.Row("started", [3, 20, 8, 31]);
        pattern.Seal();
        adversary.Learn([.. Recording.CellsOf(pattern, cells, "started")], c => c.Key);
        adversary.Equation([("started|0", 1), ("started|1", 1), ("started|2", 1), ("started|3", -1)], 0);
        Assert.Contains("started|0", adversary.Derived().Where(adversary.IsHidden));
    }

    private delegate (List<Recording.RecordedCell> Cells, List<Recording.RecordedCell[]> Lines) Report(CellPattern pattern, List<DimensionCount> counts, List<DimensionCount> cumulative, DateOnly asOf, DateOnly? from);

    /// <summary>Every report a suppressed viewer of the collaboration may ask for, recorded cell by cell.</summary>
    private static IEnumerable<Report> Reports()
    {
        var names = new Dictionary<Guid, string>();
        yield return (p, counts, cumulative, asOf, from) => Recording.Of(p, r =>
            CollaborationSummaryBuilder.Render(Collaboration, null, asOf, counts, names, ReportLanguage.Swedish, r, from, cumulative));
        yield return (p, counts, _, asOf, from) => Recording.Of(p, r =>
            EsfIndicatorsBuilder.Render(Collaboration, null, asOf, from, counts, ReportLanguage.Swedish, r));
        foreach (var filter in Codes.Prepend(null))
            yield return (p, counts, _, asOf, from) => Recording.Of(p, r =>
                RegionalViewBuilder.Render(RegionalCounts.Of(counts), asOf, from, Collaboration, filter, ReportLanguage.Swedish, r));
    }

    private static Counters RandomParticipants(Random random)
    {
        var counters = new Counters();
        var n = random.Next(1, 70);
        var genders = new[] { Gender.Woman, Gender.Woman, Gender.Man, Gender.Man, Gender.NonBinary };
        var outcomes = Enum.GetValues<ExitOutcome>();
        var ages = Enum.GetValues<AgeBand>();
        for (var i = 0; i < n; i++)
        {
            var start = new DateOnly(2026, random.Next(1, Months + 1), random.Next(1, 29));
            ExitOutcome? outcome = random.NextDouble() < 0.6 ? outcomes[random.Next(outcomes.Length)] : null;
            var exit = start.AddDays(random.Next(0, 150));
            if (exit.Year > 2026 || exit.Month > Months)
                outcome = null;
            counters.Add(1, genders[random.Next(genders.Length)], outcome, Codes[random.Next(Codes.Length)], random.NextDouble() < 0.3,
                random.NextDouble() < 0.1 ? null : ages[random.Next(ages.Length)],
                random.NextDouble() < 0.3 ? null : Enum.GetValues<LabourMarketStatus>()[random.Next(4)],
                random.NextDouble() < 0.3 ? null : Enum.GetValues<EducationLevel>()[random.Next(3)],
                start, exit, Referrers[random.Next(Referrers.Length)]);
        }
        return counters;
    }

    /// <summary>A pattern that hides small counts and nothing else: what the adversary must catch.</summary>
    private sealed class OnlyPrimary(int threshold) : CellPattern
    {
        private readonly List<int> _values = [];
        public override int? Threshold => threshold;
        public override int Cell(string key, int value) { _values.Add(value); return _values.Count - 1; }
        public override void Line(params int[] cells) { }
        public override void Seal() { }
        public override int Value(int cell) => _values[cell];
        public override HiddenAs? Hidden(int cell) => _values[cell] > 0 && _values[cell] < threshold ? HiddenAs.Small : null;
    }
}

/// <summary>A pattern that passes everything to the one a report is rendered from, and records each cell's key, value, status and lines.</summary>
internal sealed class Recording(CellPattern inner) : CellPattern
{
    public sealed record RecordedCell(string Key, int Value, bool Hidden, bool Stock);

    private readonly Dictionary<int, (string Key, bool Stock)> _keys = [];
    private readonly List<int[]> _lines = [];

    public override int? Threshold => inner.Threshold;
    public override int Cell(string key, int value) => Keep(inner.Cell(key, value), key, false);
    public override int Stock(string key, int value) => Keep(inner.Stock(key, value), key, true);
    public override void Line(params int[] cells) { _lines.Add(cells); inner.Line(cells); }
    public override void Seal() => inner.Seal();
    public override int Value(int cell) => inner.Value(cell);
    public override HiddenAs? Hidden(int cell) => inner.Hidden(cell);
    public override IReadOnlyCollection<string> HiddenRows(string prefix) => inner.HiddenRows(prefix);

    private int Keep(int cell, string key, bool stock)
    {
        _keys.TryAdd(cell, (key, stock));
        return cell;
    }

    /// <summary>The cells a report registered, and its lines as equations (the last cell is the sum of the others).</summary>
    public static (List<RecordedCell> Cells, List<RecordedCell[]> Lines) Of(CellPattern pattern, Action<Recording> render)
    {
        var recording = new Recording(pattern);
        render(recording);
        RecordedCell At(int cell) => new(recording._keys[cell].Key, recording.Value(cell), recording.IsHidden(cell), recording._keys[cell].Stock);
        return (recording._keys.Keys.Select(At).ToList(), recording._lines.Select(l => l.Select(At).ToArray()).ToList());
    }

    public static IEnumerable<RecordedCell> CellsOf(CellPattern pattern, int[] cells, string key) =>
        cells.Select((c, i) => new RecordedCell(RowKey(key, i), pattern.Value(c), pattern.IsHidden(c), false));
}

/// <summary>Collects what a viewer sees and the equations that bind it, and solves equations with one unknown to a fixed point.</summary>
internal sealed class Adversary
{
    private readonly Dictionary<string, long> _known = [];
    private readonly Dictionary<string, long> _shownValue = [];
    private readonly HashSet<string> _hidden = [];
    private readonly List<(List<(string Var, int Coefficient)> Terms, long Constant)> _equations = [];
    private readonly HashSet<string> _variables = [];

    public void Learn((List<Recording.RecordedCell> Cells, List<Recording.RecordedCell[]> Lines) report, Func<Recording.RecordedCell, string> variable)
    {
        Learn(report.Cells, variable);
        foreach (var line in report.Lines)
        {
            // The last cell is the sum of the others: checked on the numbers, so a misdeclared line fails the test.
            Assert.Equal(line[^1].Value, line[..^1].Sum(c => c.Value));
            Equation([.. line[..^1].Select(c => (variable(c), 1)), (variable(line[^1]), -1)], 0);
        }
    }

    public void Learn(IEnumerable<Recording.RecordedCell> cells, Func<Recording.RecordedCell, string> variable)
    {
        foreach (var cell in cells)
        {
            var v = variable(cell);
            _variables.Add(v);
            if (cell.Hidden)
                _hidden.Add(v);
            else
            {
                // The same quantity shown twice must be shown alike (else the pattern's keys would not be one cell).
                if (_shownValue.TryGetValue(v, out var before))
                    Assert.True(before == cell.Value, $"{v}: shown as {before} and as {cell.Value}");
                _shownValue[v] = cell.Value;
                _known[v] = cell.Value;
            }
        }
    }

    public IEnumerable<string> KeysOf(string prefix) =>
        _variables.Where(v => v.StartsWith(prefix, StringComparison.Ordinal)).Select(v => v[prefix.Length..]).ToList();

    public void Know(string variable, long value)
    {
        _variables.Add(variable);
        _known[variable] = value;
    }

    public void Equation(List<(string Var, int Coefficient)> terms, long constant)
    {
        foreach (var (v, _) in terms)
            _variables.Add(v);
        _equations.Add((terms, constant));
    }

    public bool IsHidden(string variable) => _hidden.Contains(variable);

    /// <summary>For each derived variable, the equation it was solved from (for the failure message).</summary>
    public Dictionary<string, string> Why { get; } = [];

    /// <summary>Every variable known at the fixed point: shown, or solved from an equation with one unknown.</summary>
    public IEnumerable<string> Derived()
    {
        bool progress;
        do
        {
            progress = false;
            foreach (var (terms, constant) in _equations)
            {
                var unknown = terms.Where(t => !_known.ContainsKey(t.Var)).ToList();
                if (unknown.Count != 1)
                    continue;
                var rest = constant - terms.Where(t => _known.ContainsKey(t.Var)).Sum(t => t.Coefficient * _known[t.Var]);
                _known[unknown[0].Var] = rest / unknown[0].Coefficient;
                Why[unknown[0].Var] = string.Join(" + ", terms.Select(t => $"{t.Coefficient}*{t.Var}" + (_hidden.Contains(t.Var) ? "(h)" : ""))) + $" = {constant}";
                progress = true;
            }
        } while (progress);
        return _known.Keys;
    }
}
