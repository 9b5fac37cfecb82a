using System.Text.Json;
using Samverkan.Employers.Apis;

namespace Samverkan.Employers.UnitTests;

/// <summary>The small bounds the input audit added: paging, plausible dates, and NUL characters.</summary>
public sealed class InputBoundsTests
{
    [Theory]
    [InlineData(int.MaxValue, 200, Paging.MaxPage, 200)]
    [InlineData(0, 0, 1, 1)]
    [InlineData(-5, 10_000, 1, Paging.MaxPageSize)]
    [InlineData(3, 50, 3, 50)]
    public void Paging_keeps_the_row_offset_inside_int(int page, int pageSize, int expectedPage, int expectedSize)
    {
        var (p, s) = Paging.Bound(page, pageSize);
        Assert.Equal((expectedPage, expectedSize), (p, s));
        Assert.True((long)(p - 1) * s <= int.MaxValue);
    }

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2199-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2200-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void A_plausible_date_leaves_room_for_a_years_follow_up(string date, bool plausible)
    {
        var day = DateOnly.Parse(date);
        Assert.Equal(plausible, PlausibleDateAttribute.IsPlausible(day));
        if (plausible)
            Assert.True(day.AddMonths(12) > day && day.AddMonths(-12) < day);
    }

    [Fact]
    public void A_nul_character_in_a_json_string_is_rejected_and_other_text_passes()
    {
        var options = new JsonSerializerOptions { Converters = { new NoNulStringConverter() } };
        Assert.Equal(new[] { "truckkort", "å ä ö" }, JsonSerializer.Deserialize<string[]>("""["truckkort","å ä ö"]""", options)!);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<string[]>("""["ok","truck\u0000kort"]""", options));
        Assert.Equal("$[1]", error.Path);
    }
}
