using Samverkan.Contracts.Participants;
using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class AgeBandTests
{
    [Theory]
    [InlineData(16, AgeBand.Under18)]
    [InlineData(17, AgeBand.Under18)]
    [InlineData(18, AgeBand.From18To24)]
    [InlineData(24, AgeBand.From18To24)]
    [InlineData(25, AgeBand.From25To29)]
    [InlineData(29, AgeBand.From25To29)]
    [InlineData(30, AgeBand.From30To54)]
    [InlineData(54, AgeBand.From30To54)]
    [InlineData(55, AgeBand.From55)]
    [InlineData(67, AgeBand.From55)]
    public void Age_at_start_falls_in_the_reporting_band(int age, AgeBand band) => Assert.Equal(band, AgeBands.Of(age));

    [Fact]
    public void Age_bands_travel_as_readable_ranges()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(
            new[] { AgeBand.Under18, AgeBand.From18To24, AgeBand.From55 }, Samverkan.ServiceDefaults.Http.JsonConventions.Create());
        Assert.Equal("""["under-18","18-24","55-and-over"]""", json);
    }
}
