using Samverkan.Contracts.Participants;

namespace Samverkan.Scenarios.UnitTests;

/// <summary>The dataset reproduces every figure the FSLA report published, rounded as the report rounds.</summary>
public sealed class PublishedFiguresTests
{
    private static readonly IReadOnlyList<FslaParticipant> People = FslaDataset.Build();

    [Fact]
    public void Participants_started_are_437_of_whom_228_women_and_209_men()
    {
        Assert.Equal(FslaPublished.Started, People.Count);
        Assert.Equal(FslaPublished.StartedWomen, People.Of(Gender.Woman).Count());
        Assert.Equal(FslaPublished.StartedMen, People.Of(Gender.Man).Count());
    }

    [Fact]
    public void Named_municipalities_have_the_published_number_of_participants()
    {
        foreach (var (name, count) in FslaPublished.StartedByMunicipality)
            Assert.True(count == People.In(name).Count(), $"{name}: {People.In(name).Count()} started, published {count}");
    }

    [Fact]
    public void Participants_live_in_nine_municipalities_ranked_as_the_report_ranks_them()
    {
        var counts = FslaMunicipalities.All.ToDictionary(m => m.Name, m => People.In(m.Name).Count());
        Assert.Equal(9, People.Select(p => p.MunicipalityCode).Distinct().Count());
        // "Mönsterås haft flest … följt av Västervik … och Hultsfred"; "Vimmerby … lägst …, tillsammans med Borgholm".
        var ranked = counts.OrderByDescending(c => c.Value).Select(c => c.Key).ToList();
        Assert.Equal(["Mönsterås", "Västervik", "Hultsfred"], ranked.Take(3));
        Assert.Equal(["Borgholm", "Vimmerby"], ranked.TakeLast(2));
    }

    [Fact]
    public void Women_shares_by_municipality_round_to_published_figures()
    {
        foreach (var (name, percent) in FslaPublished.WomenPercentByMunicipality)
            Assert.True(percent == People.In(name).PercentOf(Gender.Woman), $"{name}: {People.In(name).PercentOf(Gender.Woman)} % women, published {percent} %");
    }

    [Fact]
    public void Men_shares_in_Borgholm_and_Monsteras_round_to_published_figures()
    {
        foreach (var (name, percent) in FslaPublished.MenPercentByMunicipality)
            Assert.True(percent == People.In(name).PercentOf(Gender.Man), $"{name}: {People.In(name).PercentOf(Gender.Man)} % men, published {percent} %");
    }

    [Fact]
    public void Women_share_in_Monsteras_is_the_complement_of_the_mens_and_Borgholms_lies_on_the_half()
    {
        Assert.Equal(FslaPublished.WomenPercentAsComplement["Mönsterås"], People.In("Mönsterås").PercentOf(Gender.Woman));
        // 2 of 16: 12.5 %. No count of 16 gives both 88 % men and 12 % women with halves rounded up; the
        // report printed the men's 88 %, so the women's 12 % in fsla.json holds only when halves go to even.
        var borgholm = People.In("Borgholm").ToList();
        Assert.Equal(12.5m, 100m * borgholm.Count(p => p.Gender == Gender.Woman) / borgholm.Count);
        Assert.Equal(FslaPublished.WomenPercentAsComplement["Borgholm"], (int)Math.Round(12.5m, MidpointRounding.ToEven));
    }

    [Fact]
    public void Exits_are_414_of_whom_219_women_and_195_men()
    {
        Assert.Equal(FslaPublished.Exited, People.Exited());
        Assert.Equal(FslaPublished.ExitedWomen, People.Of(Gender.Woman).Exited());
        Assert.Equal(FslaPublished.ExitedMen, People.Of(Gender.Man).Exited());
        Assert.Equal(FslaPublished.ExitedWomenPercent, PublishedRounding.Percent(FslaPublished.ExitedWomen, People.Exited()));
        Assert.Equal(FslaPublished.ExitedMenPercent, PublishedRounding.Percent(FslaPublished.ExitedMen, People.Exited()));
    }

    [Fact]
    public void Exit_shares_for_all_round_to_published_figures() =>
        AssertShares(FslaPublished.All, OutcomeCounts.Of(People).Percents());

    [Fact]
    public void Exit_shares_for_men_round_to_published_figures() =>
        AssertShares(FslaPublished.Men, OutcomeCounts.Of(People.Of(Gender.Man)).Percents());

    [Fact]
    public void Exit_shares_for_women_round_to_published_figures() =>
        AssertShares(FslaPublished.Women, OutcomeCounts.Of(People.Of(Gender.Woman)).Percents());

    [Fact]
    public void Work_or_studies_is_the_sum_of_work_and_studies_and_work_is_three_kinds_of_employment()
    {
        var outcomes = People.Where(p => p.Exit is not null).Select(p => p.Exit!.Outcome).ToList();
        Assert.All((ExitOutcome[])[ExitOutcome.Employment, ExitOutcome.SubsidisedEmployment, ExitOutcome.SelfEmployment],
            kind => Assert.Contains(kind, outcomes));
        var counts = OutcomeCounts.Of(People);
        Assert.Equal(outcomes.Count(o => o.IsWorkOrStudies()), counts.WorkOrStudies);
    }

    [Fact]
    public void Borgholm_has_15_exits_73_percent_to_work_the_highest_work_share()
    {
        var borgholm = OutcomeCounts.Of(People.In("Borgholm"));
        Assert.Equal(FslaPublished.BorgholmExited, borgholm.Exited);
        Assert.Equal(FslaPublished.BorgholmWorkPercent, PublishedRounding.Percent(borgholm.Work, borgholm.Exited));
        AssertHighest("Borgholm", c => (decimal)c.Work / c.Exited);
    }

    [Fact]
    public void Vimmerby_has_13_exits_38_percent_to_studies_the_highest_studies_share()
    {
        var vimmerby = OutcomeCounts.Of(People.In("Vimmerby"));
        Assert.Equal(FslaPublished.VimmerbyExited, vimmerby.Exited);
        Assert.Equal(FslaPublished.VimmerbyStudiesPercent, vimmerby.PercentOf(ExitOutcome.Studies));
        AssertHighest("Vimmerby", c => (decimal)c.Studies / c.Exited);
    }

    [Fact]
    public void Vastervik_has_39_percent_to_internship_the_highest_internship_share()
    {
        Assert.Equal(FslaPublished.VastervikInternshipPercent, OutcomeCounts.Of(People.In("Västervik")).PercentOf(ExitOutcome.Internship));
        AssertHighest("Västervik", c => (decimal)c.Internship / c.Exited);
    }

    [Fact]
    public void Nybro_women_left_61_percent_to_other_and_Nybro_has_the_highest_other_share()
    {
        Assert.Equal(FslaPublished.NybroOtherAmongWomenPercent,
            OutcomeCounts.Of(People.In("Nybro").Of(Gender.Woman)).PercentOf(ExitOutcome.Other));
        AssertHighest("Nybro", c => (decimal)c.Other / c.Exited);
        // "något som särskilt gäller deltagande kvinnor": the women's share above the men's.
        Assert.True(OutcomeCounts.Of(People.In("Nybro").Of(Gender.Man)).PercentOf(ExitOutcome.Other) < FslaPublished.NybroOtherAmongWomenPercent);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(FslaDataset.DefaultSeed)]
    public void The_published_counts_hold_whatever_the_seed(int seed)
    {
        var people = FslaDataset.Build(seed);
        Assert.Equal(FslaPublished.Started, people.Count);
        Assert.Equal(FslaPublished.Exited, people.Exited());
        Assert.Equal(OutcomeCounts.Of(People), OutcomeCounts.Of(people));
        foreach (var m in FslaMunicipalities.All)
            Assert.Equal(People.In(m.Name).Count(), people.In(m.Name).Count());
    }

    private static void AssertShares(OutcomePercents published, OutcomePercents actual)
    {
        Assert.Equal(published.Work, actual.Work);
        Assert.Equal(published.Studies, actual.Studies);
        Assert.Equal(published.WorkOrStudies, actual.WorkOrStudies);
        if (published.Internship is { } internship) Assert.Equal(internship, actual.Internship);
        if (published.JobSeeking is { } seeking) Assert.Equal(seeking, actual.JobSeeking);
    }

    private static void AssertHighest(string name, Func<OutcomeCounts, decimal> share)
    {
        var shares = FslaMunicipalities.All.ToDictionary(m => m.Name, m => share(OutcomeCounts.Of(People.In(m.Name))));
        var best = shares.Where(s => s.Key != name).MaxBy(s => s.Value);
        Assert.True(shares[name] > best.Value, $"{name} {shares[name]:P0} is not above {best.Key} {best.Value:P0}");
    }
}
