using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

public sealed class RegionalCountsTests
{
    [Fact]
    public void Every_gender_started_and_every_outcome_by_gender_has_its_own_index()
    {
        var indexes = new List<int>();
        foreach (var gender in new[] { Gender.Woman, Gender.Man, Gender.NonBinary })
        {
            indexes.Add(RegionalCounts.StartedIndex(gender));
            indexes.AddRange(Enum.GetValues<ExitOutcome>().Select(o => RegionalCounts.ExitIndex(o, gender)));
        }

        Assert.Equal(Enumerable.Range(0, RegionalCounts.Width), indexes.Order());
    }

    [Fact]
    public void Counter_rows_and_totals_rows_add_up_per_municipality()
    {
        var counts = RegionalCounts.Of([
            new(Dimensions.Municipality, "0880", Gender.Woman, 3),
            new(Dimensions.ExitMunicipality, "0880:Studies", Gender.Man, 2),
            new(Dimensions.Started, "", Gender.Woman, 99), // not the regional view's
        ]);
        counts.AddRow("0880", new Dictionary<string, int> { ["started:Woman"] = 4 });
        counts.Add(new(Dimensions.ExitMunicipality, "0880:Studies", Gender.Man, -1)); // dated after an as-of date

        var (code, kalmar) = Assert.Single(counts.Municipalities());
        Assert.Equal("0880", code);
        Assert.Equal(7, kalmar[RegionalCounts.StartedIndex(Gender.Woman)]);
        Assert.Equal(1, kalmar[RegionalCounts.ExitIndex(ExitOutcome.Studies, Gender.Man)]);
        Assert.Equal(8, kalmar.Sum());
    }

    [Fact]
    public void A_municipality_whose_counts_are_all_zero_is_left_out()
    {
        var counts = new RegionalCounts();
        counts.AddRow("0881", new Dictionary<string, int> { ["started:Man"] = 1 });
        counts.Add(new(Dimensions.Municipality, "0881", Gender.Man, -1)); // the only participant started after the date
        counts.AddRow("0840", new Dictionary<string, int>());

        Assert.Empty(counts.Municipalities());
    }

    [Fact]
    public void Stored_counts_are_named_so_their_meaning_does_not_hang_on_the_enums_order()
    {
        Assert.Equal(("0880", "exit:Studies:Man"), RegionalCounts.NameOf(Dimensions.ExitMunicipality, "0880:Studies", Gender.Man));
        Assert.Equal(("0880", "started:NonBinary"), RegionalCounts.NameOf(Dimensions.Municipality, "0880", Gender.NonBinary));
        Assert.Null(RegionalCounts.NameOf(Dimensions.AgeBand, "From18To24", Gender.Man));
        Assert.Equal(RegionalCounts.ExitIndex(ExitOutcome.Studies, Gender.Man), RegionalCounts.IndexOf("exit:Studies:Man"));
        // A name the enums no longer hold is an error, never a count moved into a neighbour's place.
        Assert.ThrowsAny<ArgumentException>(() => RegionalCounts.IndexOf("exit:Retired:Man"));
    }
}
