using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>
/// A cross-table: participants by one or two dimensions (<see cref="Dimensions.Crossed"/>) × gender, for started, active
/// at the end, exits and exits by outcome group and outcome. Periods are whole calendar months (the counters are kept per
/// month): <see cref="From"/> a month's first day, <see cref="To"/> a month's last day, or null for everything counted so
/// far. Without <see cref="From"/>, started and exits are counted up to the end. Exact figures only: see
/// <see cref="Samverkan.Reporting.Apis.CrossTableApi"/> for why viewers who get suppressed figures are not served one.
/// <see cref="Lines"/> are one page (<see cref="CrossTablePage"/>) of <see cref="LineCount"/>, ordered by label; an export
/// holds them all. <see cref="Totals"/> are over every line, whichever page is shown.
/// </summary>
public sealed record CrossTableReport(
    Guid? CollaborationId, string Rows, string RowsLabel, string? Columns, string? ColumnsLabel, DateOnly? From, DateOnly? To,
    IReadOnlyList<ColumnHeader> Measures, IReadOnlyList<ColumnHeader> GenderColumns, int Page, int PageSize, int LineCount,
    IReadOnlyList<CrossTableLine> Lines, CrossTableLine? Totals);

/// <summary>
/// Which lines of a cross-table a JSON answer holds: page <see cref="Page"/> (from 1) of <see cref="PageSize"/> lines. Two
/// crossed dimensions can make thousands of lines (290 municipalities × 20 referring actors: 5,800, 11 MB of JSON), which
/// nobody reads at once and whose reading and writing took 300–500 ms; a page of them is answered from the index and a few
/// hundred cells. Exports hold every line.
/// </summary>
public sealed record CrossTablePage(int Page, int PageSize)
{
    public IReadOnlyList<T> Of<T>(IReadOnlyList<T> ordered) => [.. ordered.Skip((int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize)).Take(PageSize)];
}

/// <summary>One line: a key of the rows' dimension (and of the columns', when two), with a row of cells per measure.</summary>
public sealed record CrossTableLine(string RowKey, string RowLabel, string? ColumnKey, string? ColumnLabel, IReadOnlyList<SummaryRow> Measures);

/// <summary>One cross-table counter as read: the counts in the period and up to its end.</summary>
public sealed record CrossCell(string RowKey, string ColumnKey, Gender Gender, string Measure, int InPeriod, int Cumulative);

public static class CrossTableBuilder
{
    public const string Started = "started";
    public const string Active = "active";
    public const string Exited = "exited";
    public const string Studies = "studies";
    public const string Other = "other";

    private static readonly Gender[] Genders = CollaborationSummaryBuilder.Genders;
    private static readonly ExitOutcome[] Outcomes = Enum.GetValues<ExitOutcome>();

    /// <summary>A crossed dimension by the name cross-tables know it by; null when there is none.</summary>
    public static Dimension? DimensionNamed(string? name) => Dimensions.Crossed.FirstOrDefault(d => d.CrossTable == name);

    /// <summary>
    /// Whether the table has a totals line: when each participant is in one line only, so the lines add up; not with two
    /// dimensions, nor for target groups (a participant may be in several).
    /// </summary>
    public static bool HasTotals(Dimension rows, Dimension? columns) => columns is null && rows.Name != Dimensions.TargetGroup;

    /// <summary>Lines in the order they are shown (and paged): by the rows' label, then the columns'.</summary>
    public static List<(string Row, string Column)> Ordered(
        IEnumerable<(string Row, string Column)> keys, Dimension rows, Dimension? columns, Func<Dimension, string, string> label) =>
        [.. keys.Distinct().OrderBy(k => label(rows, k.Row), StringComparer.Ordinal)
            .ThenBy(k => columns is null ? "" : label(columns, k.Column), StringComparer.Ordinal)];

    /// <param name="lines">The lines to show, in order (<see cref="Ordered"/>).</param>
    /// <param name="cells">The shown lines' cells; every line's when the table has totals (<see cref="HasTotals"/>).</param>
    public static CrossTableReport Build(
        Guid? collaborationId, Dimension rows, Dimension? columns, DateOnly? from, DateOnly? to,
        IReadOnlyList<(string Row, string Column)> lines, CrossTablePage page, int lineCount, IReadOnlyList<CrossCell> cells,
        Func<Dimension, string, string> label, ReportLanguage language)
    {
        var exitsOnly = rows.At == CountedAt.Exit || columns?.At == CountedAt.Exit; // the outcome is known at the exit only
        var measures = Measures(language, exitsOnly);
        var measureIndex = measures.Select((x, i) => (x.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var totals = HasTotals(rows, columns);
        // counts[line, measure, gender]: the shown lines, then the totals line; the last gender column is the total.
        var counts = new int[lines.Count + 1, measures.Count, Genders.Length + 1];
        var index = lines.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        foreach (var cell in cells)
        {
            var line = index.GetValueOrDefault((cell.RowKey, cell.ColumnKey), -1);
            var g = Array.IndexOf(Genders, cell.Gender);
            var value = from is null ? cell.Cumulative : cell.InPeriod;
            void Add(string measure, int n)
            {
                if (!measureIndex.TryGetValue(measure, out var m))
                    return;
                if (line >= 0)
                    counts[line, m, g] += n;
                counts[lines.Count, m, g] += n; // over every line read: the totals line
                counts[lines.Count, m, Genders.Length] += n;
            }
            if (cell.Measure == Dimensions.StartedMeasure)
            {
                Add(Started, value);
                Add(Active, cell.Cumulative);
                continue;
            }
            var outcome = Enum.Parse<ExitOutcome>(cell.Measure["exit:".Length..]);
            Add(Active, -cell.Cumulative);
            Add(Exited, value);
            Add(OutcomeLabels.Key(outcome), value);
            if (outcome.IsWork()) Add(OutcomeLabels.WorkKey, value);
            if (outcome == ExitOutcome.Studies) Add(Studies + "-group", value);
            if (outcome.IsWorkOrStudies()) Add(OutcomeLabels.WorkOrStudiesKey, value);
            else Add(Other + "-group", value);
        }
        for (var line = 0; line < lines.Count; line++)
            for (var m = 0; m < measures.Count; m++)
                for (var g = 0; g < Genders.Length; g++)
                    counts[line, m, Genders.Length] += counts[line, m, g];

        SummaryRow Row(int line, int m) => new(measures[m].Key, measures[m].Label,
            CellAt(line, m, 0), CellAt(line, m, 1), CellAt(line, m, 2), CellAt(line, m, 3));
        Cell CellAt(int line, int m, int g) => Cell.Shown(counts[line, m, g]);
        var shown = lines.Select((k, line) => new CrossTableLine(k.Row, label(rows, k.Row), columns is null ? null : k.Column,
            columns is null ? null : label(columns, k.Column), Enumerable.Range(0, measures.Count).Select(m => Row(line, m)).ToList())).ToList();
        var totalsLine = totals
            ? new CrossTableLine("total", ReportLabels.Total(language), null, null, Enumerable.Range(0, measures.Count).Select(m => Row(lines.Count, m)).ToList())
            : null;
        IReadOnlyList<ColumnHeader> genderColumns = [.. Genders.Select(g => new ColumnHeader(g.ToString(), ReportLabels.Gender(g, language))),
            new ColumnHeader("total", ReportLabels.Total(language))];
        return new CrossTableReport(collaborationId, rows.CrossTable!, CrossTableLabels.Dimension(rows, language), columns?.CrossTable,
            columns is null ? null : CrossTableLabels.Dimension(columns, language), from, to, measures, genderColumns, page.Page, page.PageSize,
            lineCount, shown, totalsLine);
    }

    private static List<ColumnHeader> Measures(ReportLanguage language, bool exitsOnly)
    {
        var sv = language == ReportLanguage.Swedish;
        var list = new List<ColumnHeader>();
        if (!exitsOnly)
        {
            list.Add(new(Started, sv ? "påbörjade" : "started"));
            list.Add(new(Active, sv ? "aktiva vid periodens slut" : "active at the end"));
        }
        list.Add(new(Exited, OutcomeLabels.Exited(language)));
        list.Add(new(OutcomeLabels.WorkKey, OutcomeLabels.Work(language)));
        list.Add(new(Studies + "-group", sv ? "studier" : "studies"));
        list.Add(new(OutcomeLabels.WorkOrStudiesKey, OutcomeLabels.WorkOrStudies(language)));
        list.Add(new(Other + "-group", sv ? "övrigt (ej arbete eller studier)" : "other (neither work nor studies)"));
        list.AddRange(Outcomes.Select(o => new ColumnHeader(OutcomeLabels.Key(o), OutcomeLabels.Label(o, language))));
        return list;
    }
}
