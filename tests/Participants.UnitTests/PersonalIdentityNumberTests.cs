using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class PersonalIdentityNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static PersonalIdentityNumber Parse(string input, DateOnly? today = null)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, today ?? Today, out var number, out var error), error);
        return number!;
    }

    [Theory]
    [InlineData("811218-9876", "198112189876")]
    [InlineData("8112189876", "198112189876")]
    [InlineData("19811218-9876", "198112189876")]
    [InlineData("198112189876", "198112189876")]
    [InlineData(" 811218-9876 ", "198112189876")]
    [InlineData("121212-1212", "201212121212")]
    [InlineData("19121212-1212", "191212121212")]
    public void Valid_numbers_in_every_accepted_form_are_normalised_to_twelve_digits(string input, string digits) =>
        Assert.Equal(digits, Parse(input).Digits);

    [Fact]
    public void Birth_date_is_read_from_the_number() =>
        Assert.Equal(new DateOnly(1981, 12, 18), Parse("811218-9876").BirthDate);

    [Fact]
    public void Ten_digits_take_the_most_recent_century_that_is_not_in_the_future()
    {
        Assert.Equal(2025, Parse("250101-1247").BirthDate.Year);
        Assert.Equal(new DateOnly(2026, 11, 24), Parse("261124-1239").BirthDate); // born today
        Assert.Equal(new DateOnly(1926, 11, 25), Parse("261125-1238").BirthDate); // tomorrow would be in the future
    }

    [Fact]
    public void Century_is_resolved_against_the_given_day()
    {
        Assert.Equal(2012, Parse("121212-1212", new DateOnly(2013, 1, 1)).BirthDate.Year);
        Assert.Equal(1912, Parse("121212-1212", new DateOnly(2012, 12, 11)).BirthDate.Year);
    }

    [Fact]
    public void Plus_separator_means_a_hundred_years_more()
    {
        Assert.Equal(new DateOnly(1912, 12, 12), Parse("121212+1212").BirthDate);
        Assert.Equal(new DateOnly(1826, 11, 25), Parse("261125+1238").BirthDate);
    }

    [Fact]
    public void Samordningsnummer_has_sixty_added_to_the_day()
    {
        var number = Parse("701063-2391");
        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(new DateOnly(1970, 10, 3), number.BirthDate);
        Assert.Equal("197010632391", number.Digits);
        Assert.False(Parse("811218-9876").IsCoordinationNumber);
    }

    [Fact]
    public void Leap_day_is_valid_only_in_a_leap_year()
    {
        Assert.Equal(new DateOnly(2000, 2, 29), Parse("000229-2381").BirthDate); // 2000 is a leap year
        Assert.Equal(new DateOnly(2012, 2, 29), Parse("120229-1231").BirthDate);
        Assert.False(PersonalIdentityNumber.TryParse("000229+2381", Today, out _, out _)); // 1900 is not
        Assert.False(PersonalIdentityNumber.TryParse("19000229-2381", Today, out _, out _));
        // In January 2000 a ten-digit 000229 can only be 1900, which has no 29 February.
        Assert.False(PersonalIdentityNumber.TryParse("000229-2381", new DateOnly(2000, 1, 15), out _, out _));
    }

    [Theory]
    [InlineData("811218-9875", "check digit")]
    [InlineData("8113181237", "date")] // month 13
    [InlineData("8102311233", "date")] // 31 February
    [InlineData("8101001231", "date")] // day 00
    [InlineData("7010951239", "date")] // coordination day 95 - 60 = 35
    [InlineData("20301212-1236", "future")]
    [InlineData("19811218+9876", "ten-digit")]
    [InlineData("811218 9876", "digits")]
    [InlineData("81121-89876", "digits")]
    [InlineData("81121898761", "digits")]
    [InlineData("abcdefghij", "digits")]
    [InlineData("", "digits")]
    [InlineData(null, "digits")]
    public void Invalid_numbers_are_refused_with_the_reason(string? input, string reason)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("811218-9875")]
    [InlineData("8113181237")]
    public void Error_message_never_repeats_the_number(string input)
    {
        PersonalIdentityNumber.TryParse(input, Today, out _, out var error);
        Assert.DoesNotContain(input[^4..], error);
    }

    [Theory]
    [InlineData("811218-9876", LegalSex.Man)] // ninth digit 7
    [InlineData("000229-2381", LegalSex.Woman)] // ninth digit 8
    [InlineData("121212-1212", LegalSex.Man)] // ninth digit 1
    [InlineData("701063-2391", LegalSex.Man)] // ninth digit 9
    public void Legal_sex_is_the_parity_of_the_ninth_digit(string input, LegalSex sex) =>
        Assert.Equal(sex, Parse(input).LegalSex);

    [Fact]
    public void ToString_never_shows_the_digits()
    {
        Assert.DoesNotContain("9876", Parse("811218-9876").ToString());
        Assert.DoesNotContain("811218", $"{Parse("811218-9876")}");
    }

    [Theory]
    [InlineData("811218-9876", "2026-11-24", 44)]
    [InlineData("811218-9876", "2026-12-17", 44)]
    [InlineData("811218-9876", "2026-12-18", 45)]
    [InlineData("000229-2381", "2018-02-28", 17)]
    [InlineData("000229-2381", "2018-03-01", 18)]
    public void Age_is_counted_in_whole_years(string input, string on, int age) =>
        Assert.Equal(age, Parse(input).AgeOn(DateOnly.Parse(on)));

    // Found unguarded by mutation testing (bench/results/2026-12-03-mutation.md).

    [Fact]
    public void Born_on_the_31st_is_a_valid_date() =>
        Assert.Equal(new DateOnly(1985, 1, 31), Parse("850131-1230").BirthDate);

    [Theory]
    [InlineData("850709-9862", "[personnummer]")]
    [InlineData("850771-1235", "[samordningsnummer]")]
    public void Written_out_it_names_the_kind_of_number_and_never_its_digits(string input, string shown) =>
        Assert.Equal(shown, Parse(input).ToString());

    [Fact]
    public void A_letter_among_the_digits_is_refused_as_not_a_number()
    {
        Assert.False(PersonalIdentityNumber.TryParse("8507099a62", Today, out var number, out var error));
        Assert.Null(number);
        Assert.StartsWith("A personal identity number has 10 or 12 digits", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_number_leaves_no_error()
    {
        Assert.True(PersonalIdentityNumber.TryParse("850709-9862", Today, out _, out var error));
        Assert.Equal("", error);
    }
}
