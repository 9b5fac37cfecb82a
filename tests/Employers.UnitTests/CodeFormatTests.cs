using Samverkan.Employers.Model;

namespace Samverkan.Employers.UnitTests;

public sealed class CodeFormatTests
{
    [Theory]
    [InlineData("62010", "62010")]
    [InlineData("62.010", "62010")]
    [InlineData(" 47.111 ", "47111")]
    [InlineData("01110", "01110")]
    public void Sni_code_with_or_without_dot_is_normalised_to_five_digits(string input, string expected)
    {
        Assert.True(IndustryCode.TryNormalise(input, out var normalised, out _));
        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("6201")]
    [InlineData("620100")]
    [InlineData("620.10")]
    [InlineData("62-010")]
    [InlineData("6201A")]
    [InlineData("62..010")]
    [InlineData("６２０１０")] // full-width digits are not ASCII digits
    public void Sni_code_of_the_wrong_shape_is_rejected_with_a_reason(string? input)
    {
        Assert.False(IndustryCode.TryNormalise(input, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Theory]
    [InlineData("5223", true)]
    [InlineData("0110", true)]
    [InlineData("522", false)]
    [InlineData("52231", false)]
    [InlineData("52.3", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Ssyk_code_is_four_ascii_digits(string? input, bool valid) =>
        Assert.Equal(valid, OccupationCode.IsValid(input));
}
