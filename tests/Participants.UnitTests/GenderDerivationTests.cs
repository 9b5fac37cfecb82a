using Samverkan.Contracts.Participants;
using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class GenderDerivationTests
{
    private static PersonalIdentityNumber Number(string input)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, new DateOnly(2026, 11, 24), out var number, out var error), error);
        return number!;
    }

    [Fact]
    public void Without_a_given_gender_the_legal_sex_digit_decides()
    {
        Assert.Equal(Gender.Man, Genders.Derive(null, Number("811218-9876")));
        Assert.Equal(Gender.Woman, Genders.Derive(null, Number("000229-2381")));
    }

    [Theory]
    [InlineData(Gender.NonBinary)]
    [InlineData(Gender.Woman)]
    public void A_given_gender_wins_over_the_number(Gender given) =>
        Assert.Equal(given, Genders.Derive(given, Number("811218-9876")));

    [Fact]
    public void Without_number_or_given_gender_it_is_unknown() => Assert.Null(Genders.Derive(null, null));
}
