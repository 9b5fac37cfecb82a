using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.ServiceDefaults.UnitTests;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("202100-2114", "2021002114")] // Arbetsförmedlingen
    [InlineData("2021005521", "2021005521")] // Försäkringskassan
    [InlineData(" 556016-0680 ", "5560160680")]
    public void Valid_numbers_are_normalised_to_ten_digits(string input, string expected)
    {
        Assert.True(OrganisationNumber.TryNormalise(input, out var normalised, out _));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData("202100-2115", "check digit")]
    [InlineData("20210021", "ten digits")]
    [InlineData("2021-002114", "ten digits")]
    [InlineData("20210O2114", "ten digits")]
    [InlineData("", "ten digits")]
    [InlineData(null, "ten digits")]
    [InlineData("811218-9876", "personnummer")] // a valid personnummer: month digit below 2
    public void Invalid_numbers_are_refused_with_the_reason(string? input, string reason)
    {
        Assert.False(OrganisationNumber.TryNormalise(input, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("8112189876", true)]
    [InlineData("8112189875", false)]
    [InlineData("2021002114", true)]
    public void Luhn_check_matches_the_swedish_rule(string digits, bool valid) =>
        Assert.Equal(valid, Luhn.IsValid(digits));

    [Theory]
    [InlineData("811218987", '6')]
    [InlineData("202100211", '4')]
    [InlineData("556016068", '0')]
    public void Check_digit_completes_a_number_that_passes_the_check(string body, char expected)
    {
        Assert.Equal(expected, Luhn.CheckDigit(body));
        Assert.True(Luhn.IsValid(body + expected));
    }
}
