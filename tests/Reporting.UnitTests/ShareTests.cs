using System.Globalization;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.UnitTests;

/// <summary>
/// <see cref="Share.Of"/> computes shown shares in integer arithmetic; these pin it to the decimal formula it replaced,
/// scale included (the JSON writes 50 for an exact half and 50.0 for a rounded one).
/// </summary>
public sealed class ShareTests
{
    private static Share Decimal(int count, int denominator) =>
        Share.Shown(Math.Round(100m * count / denominator, 1, MidpointRounding.AwayFromZero));

    private static void AssertSameAsDecimal(int count, int denominator)
    {
        var expected = Decimal(count, denominator);
        var actual = Share.Of(count, false, denominator, false, null);
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Percent!.Value.Scale, actual.Percent!.Value.Scale);
        Assert.Equal(expected.Percent.Value.ToString(CultureInfo.InvariantCulture), actual.Percent.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Shown_shares_have_the_decimal_formulas_value_scale_and_text_for_every_small_count_and_denominator()
    {
        for (var denominator = 1; denominator <= 400; denominator++)
            for (var count = 0; count <= 2 * denominator; count++)
                AssertSameAsDecimal(count, denominator);
    }

    [Fact]
    public void Shown_shares_have_the_decimal_formulas_value_scale_and_text_for_large_and_random_counts()
    {
        foreach (var (count, denominator) in new[] { (int.MaxValue, 1), (int.MaxValue, 3), (int.MaxValue, int.MaxValue), (0, int.MaxValue), (int.MaxValue - 1, int.MaxValue), (999_999, 1_000_000) })
            AssertSameAsDecimal(count, denominator);
        var random = new Random(6);
        for (var i = 0; i < 100_000; i++)
        {
            var denominator = random.Next(1, 2_000_000);
            AssertSameAsDecimal(random.Next(0, 2 * denominator), denominator);
        }
    }

    [Fact]
    public void Halves_round_away_from_zero_and_exact_quotients_keep_their_short_scale()
    {
        Assert.Equal("50", Share.Of(1, false, 2, false, null).Percent!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("12.5", Share.Of(1, false, 8, false, null).Percent!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.1", Share.Of(1, false, 2000, false, null).Percent!.Value.ToString(CultureInfo.InvariantCulture)); // 0.05 → 0.1
        Assert.Equal("100.0", Share.Of(2999, false, 3000, false, null).Percent!.Value.ToString(CultureInfo.InvariantCulture)); // 99.97
        Assert.Equal("99.97 rounds to 100.0", $"99.97 rounds to {Share.Of(2999, false, 3000, false, null).Display}");
    }
}
