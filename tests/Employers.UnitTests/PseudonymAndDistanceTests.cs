using System.Text;
using Samverkan.Employers.Model;

namespace Samverkan.Employers.UnitTests;

public sealed class PseudonymAndDistanceTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("unit-test-key-0123456789abcdef01");
    private static readonly Guid OfferA = Guid.Parse("10000000-0000-0000-0000-00000000000a");
    private static readonly Guid OfferB = Guid.Parse("10000000-0000-0000-0000-00000000000b");
    private static readonly Guid Person = Guid.Parse("20000000-0000-0000-0000-000000000001");

    [Fact]
    public void A_pseudonym_is_stable_for_one_offer_and_differs_between_offers_and_keys()
    {
        var first = Pseudonyms.For(Key, OfferA, Person);
        Assert.Equal(first, Pseudonyms.For(Key, OfferA, Person));
        Assert.NotEqual(first, Pseudonyms.For(Key, OfferB, Person));
        Assert.NotEqual(first, Pseudonyms.For(Encoding.UTF8.GetBytes("another-key-0123456789abcdef0123"), OfferA, Person));
        Assert.Matches("^K-[A-HJ-NP-Z2-9]{10}$", first);
        Assert.DoesNotContain(Person.ToString("N")[..6], first, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("0880", "0880", DistanceBand.SameMunicipality)]
    [InlineData("0880", "0861", DistanceBand.SameCounty)]
    [InlineData("0880", "0180", DistanceBand.OtherCounty)]
    [InlineData("1480", "1490", DistanceBand.SameCounty)]
    public void The_distance_band_comes_from_the_kommunkod_and_its_county_digits(string home, string work, DistanceBand band) =>
        Assert.Equal(band, DistanceModel.Band(home, work));

    [Theory]
    [InlineData(DistanceBand.SameMunicipality, 0, true)]
    [InlineData(DistanceBand.SameCounty, 39, false)]
    [InlineData(DistanceBand.SameCounty, 40, true)]
    [InlineData(DistanceBand.OtherCounty, 100, false)]
    public void Within_commute_compares_the_band_nominal_km(DistanceBand band, int max, bool within) =>
        Assert.Equal(within, DistanceModel.WithinCommute(band, max));
}
