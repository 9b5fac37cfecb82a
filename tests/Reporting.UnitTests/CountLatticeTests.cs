using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

public sealed class CountLatticeTests
{
    [Fact]
    public void A_cell_shared_by_two_lines_is_protected_in_both()
    {
        var lattice = new CountLattice();
        var row = lattice.AddRow([2, 10, 12]);
        var other = lattice.AddRow([8, 20, 28]);
        var total = lattice.AddRow([10, 30, 40]);
        lattice.Line(row); lattice.Line(other); lattice.Line(total);
        for (var c = 0; c < 3; c++)
            lattice.Line(row[c], other[c], total[c]);

        var hidden = lattice.Suppress(5);

        Assert.True(hidden[row[0]]);
        foreach (var line in new[] { row, other, total }.Concat(Enumerable.Range(0, 3).Select(c => new[] { row[c], other[c], total[c] })))
            Assert.NotEqual(1, line.Count(c => hidden[c]));
    }

    [Fact]
    public void A_line_with_a_difference_protects_the_difference_too()
    {
        // active + exited = started: 3 active next to 20 exited and 23 started.
        var lattice = new CountLattice();
        var active = lattice.Add(3);
        var exited = lattice.Add(20);
        var started = lattice.Add(23);
        lattice.Line(active, exited, started);
        var hidden = lattice.Suppress(5);
        Assert.True(hidden[active]);
        Assert.True(hidden[exited] || hidden[started]);
    }

    // Found unguarded by mutation testing (bench/results/2026-12-03-mutation.md).

    [Fact]
    public void A_count_equal_to_the_threshold_is_shown()
    {
        var lattice = new CountLattice();
        var atThreshold = lattice.Add(5);
        var total = lattice.Add(5);
        lattice.Line(atThreshold, total);
        Assert.All(lattice.Suppress(5), hidden => Assert.False(hidden));
    }

    [Fact]
    public void Of_two_equally_small_candidates_the_first_is_hidden()
    {
        var lattice = new CountLattice();
        var cells = lattice.AddRow([3, 10, 10, 23]);
        lattice.Line(cells);
        var hidden = lattice.Suppress(5);
        Assert.Equal([true, true, false, false], cells.Select(c => hidden[c]));
    }

    [Fact]
    public void A_threshold_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CountLattice().Suppress(0));
}
