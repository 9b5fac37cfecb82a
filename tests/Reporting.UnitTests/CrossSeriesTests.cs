using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

/// <summary>
/// A cross-table cell's series (<see cref="CrossSeries"/>): random changes by month, in any order, give the running sums
/// the months alone would, and the same arrays whatever their order and however they are split (live: one event's
/// changes at a time; rebuild: all at once).
/// </summary>
public sealed class CrossSeriesTests
{
    private static readonly CrossKey Cell = new(Guid.NewGuid(), "age-band", "From30To54", "", "", 1);

    private static CrossDelta Delta(DateOnly month, string measure, int delta) =>
        new(Cell.Scope, Cell.Rows, Cell.RowKey, Cell.Columns, Cell.ColumnKey, Cell.Gender, measure, month, delta);

    private static CrossSeries SeriesOf(IEnumerable<CrossDelta> deltas)
    {
        var builder = new CrossSeriesBuilder();
        foreach (var d in deltas)
            builder.Add(d);
        var rows = builder.Rows(CounterRows.CrossOrder);
        return rows.Count == 0 ? new CrossSeries([], []) : Assert.Single(rows).Series;
    }

    [Fact]
    public void The_counts_of_a_period_are_the_value_at_its_end_less_the_value_before_its_start()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var rng = new Random(seed);
            var deltas = Enumerable.Range(0, rng.Next(0, 30)).Select(_ => Delta(
                new DateOnly(2023 + rng.Next(4), 1 + rng.Next(12), 1), Dimensions.CrossMeasures[rng.Next(Dimensions.CrossMeasures.Count)],
                rng.Next(-2, 4))).ToList();
            var series = SeriesOf(deltas);

            var from = new DateOnly(2023 + rng.Next(4), 1 + rng.Next(12), 1);
            var to = from.AddMonths(rng.Next(0, 20));
            var (first, last) = (CrossSeries.MonthNumber(from), CrossSeries.MonthNumber(to));
            for (var m = 0; m < Dimensions.CrossMeasures.Count; m++)
            {
                var measure = Dimensions.CrossMeasures[m];
                var expected = deltas.Where(d => d.Measure == measure && CrossSeries.MonthNumber(d.Month) >= first && CrossSeries.MonthNumber(d.Month) <= last)
                    .Sum(d => d.Delta);
                Assert.Equal(expected, series.At(last)[m] - series.At(first - 1)[m]);
            }

            // Canonical: listed months are the ones whose counts changed, whatever order the changes came in.
            var shuffled = SeriesOf(deltas.OrderBy(_ => rng.Next()));
            Assert.Equal(series.Months, shuffled.Months);
            Assert.Equal(series.Counts, shuffled.Counts);
            Assert.Equal(series.Months.Length * Dimensions.CrossMeasures.Count, series.Counts.Length);
            for (var i = 0; i < series.Months.Length; i++)
                Assert.NotEqual(series.At(series.Months[i] - 1), series.At(series.Months[i]));
        }
    }

    [Fact]
    public void Changes_that_net_to_zero_leave_no_row()
    {
        var month = new DateOnly(2025, 3, 1);
        Assert.True(SeriesOf([Delta(month, Dimensions.StartedMeasure, 1), Delta(month, Dimensions.StartedMeasure, -1)]).IsEmpty);
        // A start moved from March to May: nothing in March, one from May on.
        var moved = SeriesOf([Delta(month, Dimensions.StartedMeasure, 1), Delta(month, Dimensions.StartedMeasure, -1),
            Delta(month.AddMonths(2), Dimensions.StartedMeasure, 1)]);
        Assert.Equal(new[] { CrossSeries.MonthNumber(month.AddMonths(2)) }, moved.Months);
        Assert.Equal(0, moved.At(CrossSeries.MonthNumber(month.AddMonths(1)))[0]);
        Assert.Equal(1, moved.At(CrossSeries.MonthNumber(month.AddMonths(30)))[0]);
    }
}
