using System.Text.Json;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Apis;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Reporting.UnitTests;

public sealed class LeanCellJsonTests
{
    private static readonly JsonSerializerOptions Lean = LeanOptions();

    private static JsonSerializerOptions LeanOptions()
    {
        var json = new Microsoft.AspNetCore.Http.Json.JsonOptions();
        JsonConventions.Apply(json.SerializerOptions);
        return new ReportJson(Options.Create(json)).LeanCells;
    }

    [Fact]
    public void A_shown_cell_is_its_count_alone()
    {
        Assert.Equal("""{"count":12}""", JsonSerializer.Serialize(Cell.Shown(12), Lean));
        Assert.Equal("""{"count":0}""", JsonSerializer.Serialize(Cell.Shown(0), Lean));
    }

    [Fact]
    public void A_hidden_cell_has_display_text_and_flag_but_no_count()
    {
        Assert.Equal("""{"display":"<5","suppressed":true,"reason":"small"}""", JsonSerializer.Serialize(Cell.Hidden(5), Lean));
        Assert.Equal("""{"display":"..","suppressed":true,"reason":"complement"}""", JsonSerializer.Serialize(Cell.Complement(), Lean));
    }

    [Fact]
    public void Shares_are_their_percent_alone_unless_hidden_or_absent()
    {
        Assert.Equal("""{"percent":57.1}""", JsonSerializer.Serialize(Share.Shown(57.1m), Lean));
        Assert.Equal("""{"display":"..","suppressed":true,"reason":"complement"}""", JsonSerializer.Serialize(Share.Hidden(5), Lean));
        Assert.Equal("""{"display":"–"}""", JsonSerializer.Serialize(Share.None, Lean));
    }

    [Fact]
    public void Lean_cells_read_back_as_the_cells_written()
    {
        foreach (var cell in new[] { Cell.Shown(12), Cell.Hidden(5), Cell.Complement() })
            Assert.Equal(cell, JsonSerializer.Deserialize<Cell>(JsonSerializer.Serialize(cell, Lean), Lean));
        foreach (var share in new[] { Share.Shown(57.1m), Share.Hidden(5), Share.None })
            Assert.Equal(share, JsonSerializer.Deserialize<Share>(JsonSerializer.Serialize(share, Lean), Lean));
    }
}
