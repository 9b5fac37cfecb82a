using Samverkan.Web.Workspaces.Caseworker;

namespace Samverkan.Web.UnitTests.Caseworker;

public sealed class CsvChunksTests
{
    [Fact]
    public void Each_chunk_repeats_the_header_and_counts_rows_from_the_first_data_row()
    {
        var csv = CsvChunks.Read("\uFEFFname;municipalityCode\r\nA;0180\r\nB;0180\r\nC;0180\r\n");

        var chunks = csv.Chunks(size: 2).ToList();

        Assert.Equal(3, csv.Rows.Count);
        Assert.Equal([0, 2], chunks.Select(c => c.FirstRow));
        Assert.Equal("name;municipalityCode\r\nA;0180\r\nB;0180\r\n", chunks[0].Csv);
        Assert.Equal("name;municipalityCode\r\nC;0180\r\n", chunks[1].Csv);
    }

    [Fact]
    public void A_quoted_line_break_stays_inside_its_row_and_empty_lines_are_not_rows()
    {
        var csv = CsvChunks.Read("name,municipalityCode\n\"Anna\nLund\",1281\n\n\"Bo \"\"B\"\"\",0180\n");

        Assert.Equal(["\"Anna\nLund\",1281", "\"Bo \"\"B\"\"\",0180"], csv.Rows);
    }

    [Fact]
    public void A_file_without_rows_has_no_chunks()
    {
        Assert.Null(CsvChunks.Read("").Header);
        Assert.Empty(CsvChunks.Read("name\n").Chunks());
    }

    [Fact]
    public void A_chunks_results_are_numbered_in_the_whole_file()
    {
        var run = new BulkEnrolment(total: 150);

        run.Add(100, new BulkEnrolmentDto(1, 0, 1, [new BulkRowDto(1, "rejected", null, new Dictionary<string, string[]> { ["gender"] = ["x"] }), new BulkRowDto(0, "created", Guid.NewGuid(), null)]));

        Assert.Equal([100, 101], run.Rows.Select(r => r.Index));
        Assert.Equal((2, 1, 1), (run.Processed, run.Created, run.Rejected));
    }
}
