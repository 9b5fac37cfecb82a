using System.ComponentModel.DataAnnotations;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.ServiceDefaults.UnitTests;

public sealed class MunicipalitiesTests
{
    [Fact]
    public void The_shipped_list_has_all_290_municipalities_with_four_digit_codes()
    {
        Assert.Equal(290, Municipalities.ByCode.Count);
        Assert.All(Municipalities.ByCode.Keys, c => Assert.Matches("^[0-2][0-9]{3}$", c));
    }

    [Theory]
    [InlineData("0114", "Upplands Väsby")]
    [InlineData("0180", "Stockholm")]
    [InlineData("0880", "Kalmar")]
    [InlineData("0980", "Gotland")]
    [InlineData("1280", "Malmö")]
    [InlineData("1480", "Göteborg")]
    [InlineData("2584", "Kiruna")]
    public void Known_codes_resolve_to_their_municipality(string code, string name)
    {
        Assert.True(Municipalities.IsKnown(code));
        Assert.Equal(name, Municipalities.NameOf(code));
    }

    [Theory]
    [InlineData("0000")] // four digits, no municipality
    [InlineData("1299")]
    [InlineData("0100")] // a county (Stockholms län) is not a municipality
    [InlineData("114")]
    [InlineData("01140")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_municipality_code(string? code) => Assert.False(Municipalities.IsKnown(code));

    [Fact]
    public void The_attribute_accepts_null_and_known_codes_and_names_each_unknown_one()
    {
        var attribute = new MunicipalityCodeAttribute();
        var context = new ValidationContext(new object()) { MemberName = "Geography" };

        Assert.Null(attribute.GetValidationResult(null, context));
        Assert.Null(attribute.GetValidationResult(new List<string> { "0880", "0881" }, context));
        var failure = attribute.GetValidationResult(new List<string> { "0880", "9999", "12" }, context);
        Assert.NotNull(failure);
        Assert.Contains("'9999'", failure.ErrorMessage);
        Assert.Contains("'12'", failure.ErrorMessage);
        Assert.DoesNotContain("0880", failure.ErrorMessage);
        Assert.Equal(["Geography"], failure.MemberNames);
    }
}
