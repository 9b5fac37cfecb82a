namespace Samverkan.Reporting.Model;

/// <summary>
/// Counts tied together by linear constraints, for suppression across several tables at once. Pure.
/// </summary>
/// <remarks>
/// A line is a set of cells bound by one equation with coefficients ±1 (parts and their total, or
/// "active + exited = started"): with exactly one of its cells hidden, a reader could solve for it. The rules
/// are those of <see cref="Suppression"/>: primary (0 &lt; count &lt; threshold) and complementary (a line with
/// exactly one hidden cell gets its smallest visible non-zero cell hidden too), repeated to a fixed point.
/// Tables that share cells (a breakdown's totals row is the headline) share them here by index, so what one
/// table hides is hidden in all.
/// </remarks>
public sealed class CountLattice
{
    private readonly List<int> _values = [];
    private readonly List<CellKind> _kinds = [];
    private readonly List<int[]> _lines = [];

    public int Add(int value, CellKind kind = CellKind.Shown)
    {
        _values.Add(value);
        _kinds.Add(kind);
        return _values.Count - 1;
    }

    public int[] AddRow(IReadOnlyList<int> values)
    {
        var cells = new int[values.Count];
        for (var i = 0; i < cells.Length; i++)
            cells[i] = Add(values[i]);
        return cells;
    }

    public void Line(params int[] cells) => _lines.Add(cells);

    public int Value(int cell) => _values[cell];

    public bool[] Suppress(int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var hidden = _values.Select((v, i) => _kinds[i] == CellKind.Withheld || _kinds[i] != CellKind.Known && v > 0 && v < threshold).ToArray();
        // A worklist instead of passes over every line: a regional view has thousands of lines, and hiding one
        // cell can only unbalance the lines that hold it.
        var linesOf = new List<int>[_values.Count];
        for (var l = 0; l < _lines.Count; l++)
            foreach (var cell in _lines[l])
                (linesOf[cell] ??= []).Add(l);
        var queue = new Queue<int>(Enumerable.Range(0, _lines.Count));
        var queued = Enumerable.Repeat(true, _lines.Count).ToArray();
        while (queue.TryDequeue(out var l))
        {
            queued[l] = false;
            var line = _lines[l];
            int hiddenCount = 0, next = -1;
            foreach (var cell in line)
            {
                if (hidden[cell])
                {
                    hiddenCount++;
                    continue;
                }
                // A hidden 0 would pin the pair's sum to the small count it is meant to protect: prefer the
                // smallest non-zero cell, a 0 only when nothing else is left (ties: the first). Only a cell the
                // report shows can be hidden to protect another.
                if (_kinds[cell] == CellKind.Shown && (next < 0 || Rank(cell) < Rank(next)))
                    next = cell;
            }
            if (hiddenCount != 1 || next < 0)
                continue;
            hidden[next] = true;
            foreach (var other in linesOf[next])
                if (!queued[other])
                {
                    queued[other] = true;
                    queue.Enqueue(other);
                }
        }
        return hidden;
    }

    private int Rank(int cell) => _values[cell] == 0 ? int.MaxValue : _values[cell];
}

/// <summary>What a reader knows of a cell before suppression.</summary>
public enum CellKind
{
    /// <summary>A figure the report shows unless it is hidden.</summary>
    Shown,
    /// <summary>Known to the reader exactly from elsewhere (their own collaborations): never hidden, never a complement.</summary>
    Known,
    /// <summary>Shown nowhere, but what a reader can work out (the region less their own): protected when small, never a complement.</summary>
    Derived,
    /// <summary>Hidden already, by a decision made elsewhere (another collaboration's published summary): hidden in every line, never a complement.</summary>
    Withheld,
}
