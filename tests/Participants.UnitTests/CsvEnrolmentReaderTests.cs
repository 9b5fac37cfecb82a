using Samverkan.Participants.Apis;

namespace Samverkan.Participants.UnitTests;

public sealed class CsvEnrolmentReaderTests
{
    [Fact]
    public void Rows_become_objects_named_by_the_header_with_quotes_empty_cells_and_target_groups()
    {
        const string csv = "\uFEFFCollaborationId,personalIdentityNumber,name,targetGroups,gender\r\n"
                           + "c1,811218-9876,\"Testsson, Anna \"\"Annie\"\"\",young|newly-arrived,\r\n"
                           + "\r\n"
                           + "c2,121212-1212,,,man\n";

        Assert.True(CsvEnrolmentReader.TryRead(csv, out var rows, out var error));

        Assert.Null(error);
        Assert.Equal(2, rows.Count);
        var first = rows[0].Value!;
        Assert.Equal("c1", first["collaborationId"]!.GetValue<string>());
        Assert.Equal("Testsson, Anna \"Annie\"", first["name"]!.GetValue<string>());
        Assert.Equal(["young", "newly-arrived"], first["targetGroups"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.False(first.ContainsKey("gender")); // an empty cell is an absent value
        Assert.Equal("man", rows[1].Value!["gender"]!.GetValue<string>());
        Assert.False(rows[1].Value!.ContainsKey("name"));
    }

    [Fact]
    public void A_semicolon_header_means_semicolon_separated()
    {
        Assert.True(CsvEnrolmentReader.TryRead("collaborationId;municipalityCode\nc1;0880\n", out var rows, out _));
        Assert.Equal("0880", Assert.Single(rows).Value!["municipalityCode"]!.GetValue<string>());
    }

    [Fact]
    public void A_quoted_field_may_hold_a_line_break()
    {
        Assert.True(CsvEnrolmentReader.TryRead("name,municipalityCode\n\"two\nlines\",0880\n", out var rows, out _));
        Assert.Equal("two\nlines", Assert.Single(rows).Value!["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_an_error_of_that_row_only()
    {
        Assert.True(CsvEnrolmentReader.TryRead("collaborationId,municipalityCode\nc1\nc2,0880\n", out var rows, out _));
        Assert.True(rows[0].Errors!.ContainsKey("row"));
        Assert.Null(rows[1].Errors);
    }

    [Fact]
    public void An_unknown_column_is_named_by_position_without_echoing_it()
    {
        // A file sent without its header: the "header" is a person's data.
        Assert.False(CsvEnrolmentReader.TryRead("811218-9876,0880\n121212-1212,0880\n", out _, out var error));
        var message = Assert.Single(error!["header"]);
        Assert.Contains("Column 1", message);
        Assert.DoesNotContain("9876", message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("collaborationId,collaborationId\nc1,c2\n")]
    public void No_header_or_a_repeated_column_is_an_error_of_the_whole_file(string csv)
    {
        Assert.False(CsvEnrolmentReader.TryRead(csv, out _, out var error));
        Assert.True(error!.ContainsKey("header"));
    }
}
