using System.Text.Json;
using System.Text.Json.Serialization;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.UnitTests;

/// <summary>Enums travel only as their documented wire names, in JSON and in query strings alike.</summary>
public sealed class StrictEnumTests
{
    private static readonly JsonSerializerOptions Json = JsonConventions.Create();

    [Theory]
    [InlineData("DarkBlue")]   // the C# name
    [InlineData("darkblue")]   // the C# name in another casing
    [InlineData("Dark-Blue")]  // the wire name in another casing
    [InlineData(" dark-blue")] // padded
    [InlineData("red, dark-blue")] // a list, which made the undefined value 3 of an enum that is no set of flags
    [InlineData("3")]
    [InlineData("")]
    public void Anything_but_the_wire_name_is_refused_listing_the_names(string value)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WithColor>($$"""{"color":{{JsonSerializer.Serialize(value)}}}""", Json));
        Assert.Equal("$.color", error.Path);
        Assert.StartsWith("Expected one of: red, dark-blue, 18-24.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("true")]
    [InlineData("{}")]
    public void A_number_or_other_token_is_refused(string value) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<WithColor>($$"""{"color":{{value}}}""", Json));

    [Theory]
    [InlineData("red", Color.Red)]
    [InlineData("dark-blue", Color.DarkBlue)]
    [InlineData("18-24", Color.From18To24)]
    public void Wire_names_read_and_write_both_ways(string wire, Color color)
    {
        Assert.Equal(color, JsonSerializer.Deserialize<WithColor>($$"""{"color":"{{wire}}"}""", Json)!.Color);
        Assert.Equal($$"""{"color":"{{wire}}"}""", JsonSerializer.Serialize(new WithColor { Color = color }, Json));
    }

    [Fact]
    public void Null_stays_null_for_an_optional_enum() =>
        Assert.Null(JsonSerializer.Deserialize<WithColor>("""{"color":null}""", Json)!.Color);

    [Fact]
    public void Dictionary_keys_use_the_wire_names_strictly()
    {
        Assert.Equal("""{"dark-blue":1}""", JsonSerializer.Serialize(new Dictionary<Color, int> { [Color.DarkBlue] = 1 }, Json));
        Assert.Equal(1, JsonSerializer.Deserialize<Dictionary<Color, int>>("""{"dark-blue":1}""", Json)![Color.DarkBlue]);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<Color, int>>("""{"DarkBlue":1}""", Json));
    }

    [Fact]
    public void An_undefined_value_is_not_written()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new WithColor { Color = (Color)3 }, Json));
    }

    [Theory]
    [InlineData("dark-blue", true)]
    [InlineData("18-24", true)]
    [InlineData("", true)] // no filter
    [InlineData(null, true)]
    [InlineData("DarkBlue", false)]
    [InlineData("from18-to24", false)] // the kebab-case of the C# name, where the member names itself otherwise
    public void Query_strings_accept_the_same_names(string? value, bool accepted) =>
        Assert.Equal(accepted, KebabCaseEnum.TryParse<Color>(value, out _));

    [Fact]
    public void Names_and_the_expected_list_come_from_the_same_table()
    {
        Assert.Equal("18-24", KebabCaseEnum.Name(Color.From18To24));
        Assert.Equal("Expected one of: red, dark-blue, 18-24.", KebabCaseEnum.Expected<Color>());
    }

    public enum Color { Red = 1, DarkBlue = 2, [JsonStringEnumMemberName("18-24")] From18To24 = 4 }

    private sealed record WithColor
    {
        public Color? Color { get; init; }
    }
}
