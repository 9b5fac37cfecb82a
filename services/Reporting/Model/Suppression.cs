namespace Samverkan.Reporting.Model;

/// <summary>
/// Statistical disclosure control for a table of counts with its totals. Pure: no I/O, tested alone.
/// </summary>
/// <remarks>
/// The grid holds the inner cells plus their totals: the last column is each row's total and, when
/// <c>columnTotals</c> is true, the last row is each column's total (its last cell the grand total). Every
/// row, and every column when column totals are present, is one linear constraint (cells sum to the total).
/// <list type="number">
/// <item>Primary: every count with 0 &lt; count &lt; threshold is hidden. A 0 is shown: it reveals no person.</item>
/// <item>Complementary: a constraint with exactly one hidden entry lets a reader subtract it out, so the
/// smallest visible non-zero entry of that line is hidden too (ties: the first; a 0 only when nothing else is
/// left). Repeated to a fixed point.</item>
/// </list>
/// Columns are not constraints when the rows overlap (a participant in several target groups), which is what
/// <c>columnTotals: false</c> says.
/// </remarks>
public static class Suppression
{
    public static bool[,] Suppress(int[,] grid, int threshold, bool columnTotals, bool[,]? alreadyHidden = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        var hidden = new bool[rows, cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                hidden[r, c] = grid[r, c] > 0 && grid[r, c] < threshold || (alreadyHidden?[r, c] ?? false);

        bool changed;
        do
        {
            changed = false;
            for (var r = 0; r < rows; r++)
                changed |= ProtectLine(grid, hidden, Enumerable.Range(0, cols).Select(c => (r, c)).ToList());
            if (columnTotals)
                for (var c = 0; c < cols; c++)
                    changed |= ProtectLine(grid, hidden, Enumerable.Range(0, rows).Select(r => (r, c)).ToList());
        } while (changed);
        return hidden;
    }

    /// <summary>Hides the smallest visible entry of a line that has exactly one hidden entry.</summary>
    private static bool ProtectLine(int[,] grid, bool[,] hidden, List<(int R, int C)> line)
    {
        if (line.Count(p => hidden[p.R, p.C]) != 1)
            return false;
        var visible = line.Where(p => !hidden[p.R, p.C]).ToList();
        if (visible.Count == 0)
            return false;
        // A hidden 0 would pin the pair's sum to the small count it is meant to protect: prefer a non-zero cell.
        var next = visible.Where(p => grid[p.R, p.C] > 0).DefaultIfEmpty(visible[0]).MinBy(p => grid[p.R, p.C] == 0 ? int.MaxValue : grid[p.R, p.C]);
        hidden[next.R, next.C] = true;
        return true;
    }
}
