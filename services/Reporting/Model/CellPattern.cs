namespace Samverkan.Reporting.Model;

/// <summary>Why a cell is hidden: a small count itself (shown "&lt;5"), or a complement hiding another (shown "..").</summary>
public enum HiddenAs { Small, Complement }

/// <summary>
/// The cells a report is made of, by key, and which of them a viewer sees. Reports register their cells and the
/// lines that bind them (parts and their total) by key; cells of the same key and value are the same cell, so two
/// reports that show the same people (the summary's age bands and the ESF+ report's 18–29) share them and are hidden
/// alike. <see cref="SuppressionPattern"/> decides the hidden cells once over everything registered;
/// <see cref="PeriodPattern"/> renders a period as the difference of two decided month-end patterns.
/// </summary>
public abstract class CellPattern
{
    /// <summary>The suppression threshold, or null for exact figures.</summary>
    public abstract int? Threshold { get; }

    /// <summary>A count of what happened (up to a date, or in a period): the cell of <paramref name="key"/>.</summary>
    public abstract int Cell(string key, int value);

    /// <summary>A count as of the end date whatever the period (the participants still active).</summary>
    public virtual int Stock(string key, int value) => Cell(key, value);

    /// <summary>Cells bound by one equation (parts and their total): a reader could solve a line with one hidden cell.</summary>
    public abstract void Line(params int[] cells);

    /// <summary>Called by a report once its cells are registered, before it reads what is hidden.</summary>
    public abstract void Seal();

    public abstract int Value(int cell);

    /// <summary>Null when shown.</summary>
    public abstract HiddenAs? Hidden(int cell);

    /// <summary>
    /// The row keys under <paramref name="prefix"/> (the part after it, up to the column) with a hidden cell. A report
    /// that lists only the rows it has counts for must list these too, even at 0: a row left out says "0", and with it
    /// the rest of its table could give the hidden cells back.
    /// </summary>
    public virtual IReadOnlyCollection<string> HiddenRows(string prefix) => [];

    public bool IsHidden(int cell) => Hidden(cell) is not null;

    /// <summary>Women, men, non-binary and their total (the fourth), with the line that binds them.</summary>
    public int[] Row(string key, IReadOnlyList<int> values)
    {
        var cells = new int[values.Count];
        for (var c = 0; c < cells.Length; c++)
            cells[c] = Cell(RowKey(key, c), values[c]);
        Line(cells);
        return cells;
    }

    /// <summary>As <see cref="Row"/>, for counts as of the end date.</summary>
    public int[] StockRow(string key, IReadOnlyList<int> values)
    {
        var cells = new int[values.Count];
        for (var c = 0; c < cells.Length; c++)
            cells[c] = Stock(RowKey(key, c), values[c]);
        Line(cells);
        return cells;
    }

    /// <summary>Rows that add up to a total row, column by column.</summary>
    public void Partition(IReadOnlyList<int[]> parts, int[] total)
    {
        for (var c = 0; c < total.Length; c++)
        {
            var line = new int[parts.Count + 1];
            for (var p = 0; p < parts.Count; p++)
                line[p] = parts[p][c];
            line[parts.Count] = total[c];
            Line(line);
        }
    }

    /// <summary>A group row (work, 18–29) registered as a cell of its own, bound to its parts: hidden by the same rules.</summary>
    public int[] Group(string key, IReadOnlyList<int[]> parts)
    {
        if (parts.Count == 1)
            return parts[0];
        var values = new int[4];
        foreach (var part in parts)
            for (var c = 0; c < 4; c++)
                values[c] += Value(part[c]);
        var group = Row(key, values);
        Partition(parts, group);
        return group;
    }

    public static string RowKey(string key, int column) => key + "|" + column;

    /// <summary>The cell as the viewer sees it: the count, "&lt;5" for a small count, ".." for a complement.</summary>
    public Cell CellAt(int cell) => Hidden(cell) switch
    {
        HiddenAs.Small => Model.Cell.Hidden(Threshold!.Value),
        HiddenAs.Complement => Model.Cell.Complement(),
        _ => Model.Cell.Shown(Value(cell)),
    };

    /// <summary>Why a hidden cell of <paramref name="value"/> is hidden: small when it is, otherwise a complement.</summary>
    protected HiddenAs ReasonFor(int value) => value > 0 && value < Threshold ? HiddenAs.Small : HiddenAs.Complement;
}

/// <summary>
/// The one place that decides which cells of a scope's reports a viewer class sees, for one month-end: primary and
/// complementary suppression (<see cref="CountLattice"/>) over every cell registered, by every report of the scope,
/// decided once. Exact when the threshold is null (nothing hidden, no lines kept).
/// </summary>
public sealed class SuppressionPattern(int? threshold) : CellPattern
{
    private readonly CountLattice _lattice = new();
    private readonly Dictionary<string, int> _first = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, int Value), int> _cells = [];
    private bool[]? _hidden;
    private int _collecting;

    public override int? Threshold { get; } = threshold;

    public bool IsDecided => _hidden is not null;

    public override int Cell(string key, int value) => Cell(key, value, CellKind.Shown);

    public int Cell(string key, int value, CellKind kind)
    {
        if (_cells.TryGetValue((key, value), out var existing))
            return existing;
        // After the decision a report may only read cells that were there when it was made.
        if (_hidden is not null && Threshold is not null)
            throw new InvalidOperationException($"Cell '{key}' ({value}) was not registered when the pattern was decided.");
        var cell = _lattice.Add(value, kind);
        _cells[(key, value)] = cell;
        _first.TryAdd(key, cell);
        return cell;
    }

    public override void Line(params int[] cells)
    {
        if (Threshold is not null && _hidden is null)
            _lattice.Line(cells);
    }

    /// <summary>
    /// While the returned scope is open, reports register their cells and <see cref="Seal"/> decides nothing: for
    /// rendering several reports from one decision.
    /// </summary>
    public IDisposable Collect()
    {
        _collecting++;
        return new Closing(() => _collecting--);
    }

    public override void Seal()
    {
        if (_collecting == 0)
            Decide();
    }

    /// <summary>Decides the hidden cells over everything registered; once.</summary>
    public void Decide() => _hidden ??= Threshold is { } t ? _lattice.Suppress(t) : [];

    public override int Value(int cell) => _lattice.Value(cell);

    public override HiddenAs? Hidden(int cell) =>
        Threshold is null || _hidden is null || !_hidden[cell] ? null : ReasonFor(_lattice.Value(cell));

    public override IReadOnlyCollection<string> HiddenRows(string prefix)
    {
        if (Threshold is null || _hidden is null)
            return [];
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((key, _), cell) in _cells)
            if (_hidden[cell] && key.StartsWith(prefix, StringComparison.Ordinal))
                rows.Add(key[prefix.Length..key.LastIndexOf('|')]);
        return rows;
    }

    /// <summary>The keys registered under <paramref name="prefix"/> (whole cell keys, prefix included).</summary>
    public IEnumerable<string> Keys(string prefix) => _first.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    /// <summary>The cell registered first under <paramref name="key"/>, if any.</summary>
    public int? CellOf(string key) => _first.TryGetValue(key, out var cell) ? cell : null;

    /// <summary>The value and status of the cell registered first under <paramref name="key"/>; a count of 0, shown, when there is none.</summary>
    public (int Value, bool Hidden) Find(string key) =>
        _first.TryGetValue(key, out var cell) ? (Value(cell), IsHidden(cell)) : (0, false);

    private sealed class Closing(Action close) : IDisposable
    {
        public void Dispose() => close();
    }
}

/// <summary>
/// A period's figures for a suppressed viewer: each count is the difference of two month-end counts (the end of the
/// period, and the day before it starts), both of them published in their own decided pattern. A count is shown only
/// when both ends are (it is then their difference, which anyone could take), hidden otherwise; counts as of the end
/// (active) are the end's cells. So nothing a period shows undoes what a cumulative report hides, and two periods,
/// or a period and a cumulative report, can be subtracted only into figures that are shown already.
/// </summary>
public sealed class PeriodPattern(SuppressionPattern before, SuppressionPattern end) : CellPattern
{
    private readonly List<(string Key, int Value, bool Stock)> _cells = [];

    public override int? Threshold => end.Threshold;

    public override int Cell(string key, int value)
    {
        _cells.Add((key, value, false));
        return _cells.Count - 1;
    }

    public override int Stock(string key, int value)
    {
        _cells.Add((key, value, true));
        return _cells.Count - 1;
    }

    public override void Line(params int[] cells) { }

    public override void Seal() { }

    /// <summary>Rows hidden at either end: their period cells are hidden, so the period's tables list them even at 0.</summary>
    public override IReadOnlyCollection<string> HiddenRows(string prefix) => [.. end.HiddenRows(prefix).Union(before.HiddenRows(prefix))];

    public override int Value(int cell) => _cells[cell].Value;

    public override HiddenAs? Hidden(int cell)
    {
        if (Threshold is null)
            return null;
        var (key, value, stock) = _cells[cell];
        var hidden = end.Find(key).Hidden || !stock && before.Find(key).Hidden;
        return hidden ? ReasonFor(value) : null;
    }
}

/// <summary>
/// Registers a report's cells in another pattern under a prefix and a <see cref="CellKind"/>: a table the viewer
/// knows exactly (their own collaborations) or one they could work out (the region less their own), so that the
/// pattern protects what the difference would show. Renders nothing of its own.
/// </summary>
public sealed class PrefixedPattern(SuppressionPattern inner, string prefix, CellKind kind) : CellPattern
{
    public override int? Threshold => inner.Threshold;
    public override int Cell(string key, int value) => inner.Cell(prefix + key, value, kind);
    public override void Line(params int[] cells) => inner.Line(cells);
    public override void Seal() { }
    public override int Value(int cell) => inner.Value(cell);
    public override HiddenAs? Hidden(int cell) => inner.Hidden(cell);
}
