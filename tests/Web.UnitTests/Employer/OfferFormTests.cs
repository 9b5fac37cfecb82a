using System.Text.Json;
using Samverkan.Web.Api;
using Samverkan.Web.Workspaces.Employer;

namespace Samverkan.Web.UnitTests.Employer;

public sealed class OfferFormTests
{
    private static JsonElement Sent(OfferForm form) =>
        JsonDocument.Parse(JsonSerializer.Serialize(form.ToRequest(), GatewayApi.Json)).RootElement;

    [Fact]
    public void The_form_becomes_the_APIs_request_with_lists_by_line_and_a_Swedish_decimal_comma()
    {
        var json = Sent(new OfferForm
        {
            Kind = "work-trial", Title = " Lagerarbete ", OccupationCode = "9333", MunicipalityCode = "0180", Places = "2",
            StartDate = "2027-02-01", HoursPerWeek = "37,5", Skills = "truckkort\r\n\r\n  plock  \n", SwedishLevel = "basic",
            DrivingLicence = true, Adaptations = "tyst arbetsplats",
        });

        Assert.Equal("work-trial", json.GetProperty("kind").GetString());
        Assert.Equal("Lagerarbete", json.GetProperty("title").GetString());
        Assert.Equal(2, json.GetProperty("places").GetInt32());
        Assert.Equal("2027-02-01", json.GetProperty("startDate").GetString());
        Assert.Equal(37.5m, json.GetProperty("hoursPerWeek").GetDecimal());
        var requirements = json.GetProperty("requirements");
        Assert.Equal(["truckkort", "plock"], requirements.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("basic", requirements.GetProperty("swedishLevel").GetString());
        Assert.True(requirements.GetProperty("drivingLicence").GetBoolean());
        Assert.Equal(["tyst arbetsplats"], json.GetProperty("adaptations").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Empty_or_unreadable_fields_are_left_out_so_the_API_names_them()
    {
        var json = Sent(new OfferForm { Title = "  ", Places = "två", StartDate = "1 februari", HoursPerWeek = "" });

        foreach (var field in new[] { "kind", "title", "places", "startDate", "hoursPerWeek", "durationWeeks", "adaptations", "employerId" })
            Assert.False(json.TryGetProperty(field, out _), field);
    }
}
