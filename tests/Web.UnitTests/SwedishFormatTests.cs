using Samverkan.Web.Workspaces;

namespace Samverkan.Web.UnitTests;

public sealed class SwedishFormatTests
{
    [Theory]
    [InlineData(37.5, "0.##", "37,5")]
    [InlineData(66.666, "0.0", "66,7")]
    [InlineData(12, "0.##", "12")]
    public void Figures_people_read_have_a_decimal_comma(double value, string format, string expected)
    {
        Assert.Equal(expected, SwedishFormat.Number((decimal)value, format));
        Assert.Equal(expected, SwedishFormat.Number(value, format));
    }
}
