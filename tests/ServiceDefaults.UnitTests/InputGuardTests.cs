using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.UnitTests;

/// <summary>The bounds every service's input passes: paging, plausible dates, and NUL characters in JSON and queries.</summary>
public sealed class InputGuardTests
{
    [Theory]
    [InlineData(int.MaxValue, 200, Paging.MaxPage, 200)]
    [InlineData(0, 0, 1, 1)]
    [InlineData(-5, 10_000, 1, Paging.MaxPageSize)]
    [InlineData(int.MinValue, int.MinValue, 1, 1)]
    [InlineData(3, 50, 3, 50)]
    public void Paging_keeps_the_row_offset_inside_int(int page, int pageSize, int expectedPage, int expectedSize)
    {
        var (p, s) = Paging.Bound(page, pageSize);
        Assert.Equal((expectedPage, expectedSize), (p, s));
        Assert.True((long)(p - 1) * s <= int.MaxValue);
    }

    [Fact]
    public void The_largest_bounded_page_still_has_an_offset_that_fits_an_int()
    {
        var (page, pageSize) = Paging.Bound(int.MaxValue, int.MaxValue);
        Assert.True((long)(page - 1) * pageSize <= int.MaxValue);
    }

    [Fact]
    public void A_page_of_rows_is_taken_after_the_earlier_pages_and_one_far_out_is_empty()
    {
        var rows = Enumerable.Range(1, 10).AsQueryable();
        Assert.Equal([4, 5, 6], rows.Page(2, 3).ToArray());
        Assert.Equal([1, 2, 3], rows.Page(0, 3).ToArray());
        Assert.Empty(rows.Page(int.MaxValue, int.MaxValue).ToArray());
    }

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2199-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2200-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Dates_from_1900_to_2199_are_plausible(string date, bool plausible) =>
        Assert.Equal(plausible, PlausibleDateAttribute.IsPlausible(DateOnly.Parse(date)));

    /// <remarks>
    /// The bounds themselves, not a sample date: follow-ups fall due up to twelve months after an accepted date and
    /// reports look a year back, so that arithmetic must stay inside what a DateOnly holds at both ends of the range.
    /// </remarks>
    [Fact]
    public void The_plausible_range_leaves_room_for_a_years_follow_up_and_look_back()
    {
        Assert.Equal(PlausibleDateAttribute.Max.Year + 1, PlausibleDateAttribute.Max.AddMonths(12).Year);
        Assert.Equal(PlausibleDateAttribute.Min.Year - 1, PlausibleDateAttribute.Min.AddMonths(-12).Year);
    }

    [Fact]
    public void An_implausible_date_is_a_validation_error_on_its_member_and_null_is_left_to_required()
    {
        var attribute = new PlausibleDateAttribute();
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(new object()) { MemberName = "StartDate" };
        var error = attribute.GetValidationResult(new DateOnly(9999, 12, 31), context);
        Assert.NotNull(error);
        Assert.Equal(["StartDate"], error.MemberNames);
        Assert.Null(attribute.GetValidationResult(null, context));
        Assert.Null(attribute.GetValidationResult(new DateOnly(2026, 3, 1), context));
    }

    [Fact]
    public void A_nul_character_in_a_json_string_is_rejected_at_its_path_and_other_text_passes()
    {
        var options = JsonConventions.Create();
        Assert.Equal(["truckkort", "å ä ö"], JsonSerializer.Deserialize<string[]>("""["truckkort","å ä ö"]""", options)!);
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<string[]>("""["ok","truck\u0000kort"]""", options));
        Assert.Equal("$[1]", error.Path);
        Assert.Equal(NoNulStringConverter.Error, error.Message);
    }

    [Fact]
    public void A_nul_character_in_a_dictionary_key_is_rejected_too()
    {
        var options = JsonConventions.Create();
        Assert.Single(JsonSerializer.Deserialize<Dictionary<string, int>>("""{"ok":1}""", options)!);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<string, int>>("""{"o\u0000k":1}""", options));
    }

    [Fact]
    public void A_nul_in_a_query_value_names_its_parameter_and_a_clean_query_passes()
    {
        Assert.Null(NulQueryGuard.FirstWithNul(Query(("name", "Bygg AB"), ("page", "2"))));
        Assert.Equal("pilot", NulQueryGuard.FirstWithNul(Query(("name", "Bygg"), ("pilot", "a\0b"))));
        Assert.Equal("$query", NulQueryGuard.FirstWithNul(Query(("na\0me", "x"))));
    }

    private static QueryCollection Query(params (string Name, string Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Name, p => new StringValues(p.Value)));
}
