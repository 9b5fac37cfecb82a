using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

public sealed class ExportFormatTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>12 women (8 to work), 9 men (3 to studies), 2 non-binary, in Kalmar.</summary>
    private async Task<(Guid Collaboration, Guid Owner)> CollaborationAsync()
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var women = Enumerable.Range(0, 12).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman)).ToList();
        var men = Enumerable.Range(0, 9).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man)).ToList();
        await factory.PublishAllAsync([
            new ActorRegistered { ActorId = owner, Name = "Kalmar kommun", OrganisationNumber = "2120000696", Sector = ActorSector.Public, Kind = ActorKind.Municipality, RegisteredAt = DateTimeOffset.UtcNow },
            TestEvents.Created(collaboration, owner), .. women, .. men,
            .. Enumerable.Range(0, 2).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.NonBinary)),
        ]);
        await factory.PublishAllAsync([.. women.Take(8).Select(w => TestEvents.Exited(w, ExitOutcome.Employment)), .. men.Take(3).Select(m => TestEvents.Exited(m, ExitOutcome.Studies))]);
        return (collaboration, owner);
    }

    /// <summary>Every figure of the summary JSON, in the order the exports write them, as display text.</summary>
    private static List<string> Figures(JsonElement summary)
    {
        var figures = new List<string>();
        void Row(JsonElement row)
        {
            foreach (var g in new[] { "women", "men", "nonBinary", "total" })
                figures.Add(row.GetProperty(g).GetProperty("display").GetString()!);
        }
        Row(summary.GetProperty("started"));
        foreach (var table in summary.GetProperty("tables").EnumerateArray())
        {
            foreach (var row in table.GetProperty("rows").EnumerateArray())
                Row(row);
            if (table.TryGetProperty("totals", out var totals))
                Row(totals);
        }
        foreach (var row in summary.GetProperty("exits").GetProperty("rows").EnumerateArray())
            Row(row);
        Row(summary.GetProperty("exits").GetProperty("totals"));
        foreach (var row in summary.GetProperty("exits").GetProperty("rows").EnumerateArray())
            foreach (var g in new[] { "women", "men", "nonBinary", "total" })
                figures.Add(row.GetProperty("shares").GetProperty(g).GetProperty("display").GetString()!);
        Row(summary.GetProperty("active"));
        return figures;
    }

    private static string Normalise(string figure) =>
        decimal.TryParse(figure, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture) : figure;

    private static List<List<string>> Sheet(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        return XDocument.Load(sheet).Descendants(Main + "row")
            .Select(r => r.Elements(Main + "c").Select(c => (string?)c.Element(Main + "v") ?? c.Descendants(Main + "t").Single().Value).ToList()).ToList();
    }

    /// <summary>The figure columns of the gender tables (four figures after table and row), in order.</summary>
    private static List<string> GenderFigures(IEnumerable<List<string>> rows) =>
        rows.Where(r => r.Count == 6 && r[0] != "").SelectMany(r => r.Skip(2)).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Csv_and_xlsx_hold_the_same_figures_as_the_json(bool publication)
    {
        var (collaboration, owner) = await CollaborationAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var query = $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31&publication={publication.ToString().ToLowerInvariant()}";
        var json = await client.GetFromJsonAsync<JsonElement>(query);
        Assert.Equal(!publication, json.GetProperty("exact").GetBoolean());
        var expected = Figures(json);

        var csvResponse = await client.GetAsync(query + "&format=csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(';').ToList()).ToList();
        var xlsxResponse = await client.GetAsync(query + "&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        var sheet = Sheet(await xlsxResponse.Content.ReadAsByteArrayAsync());

        Assert.Equal(expected, GenderFigures(csv).Take(expected.Count));
        // The workbook holds numbers as numbers ("100.0" is 100): compared as numbers, text as text.
        Assert.Equal(expected.Select(Normalise), GenderFigures(sheet).Take(expected.Count).Select(Normalise));
        Assert.Equal(publication, expected.Contains("<5"));
    }

    [Fact]
    public async Task Svg_chart_is_well_formed_xml_with_the_swedish_labels()
    {
        var (collaboration, owner) = await CollaborationAsync();
        var response = await factory.ClientFor(Roles.Coordinator, owner).GetAsync($"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31&format=svg");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var texts = svg.Descendants(XNamespace.Get("http://www.w3.org/2000/svg") + "text").Select(t => t.Value).ToList();
        Assert.Contains("påbörjade deltagare", texts);
        Assert.Contains("avslutade deltagare efter utfall", texts);
        Assert.Contains("arbete eller studier", texts);
        Assert.Contains("kvinnor", texts);
    }

    [Fact]
    public async Task Regional_xlsx_holds_the_same_figures_as_the_json()
    {
        var (collaboration, owner) = await CollaborationAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var query = $"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31&publication=true";
        var json = await client.GetFromJsonAsync<JsonElement>(query);
        var sheet = Sheet(await client.GetByteArrayAsync(query + "&format=xlsx"));

        var kalmar = json.GetProperty("municipalities").EnumerateArray().Single();
        var started = sheet.First(r => r[0] == "påbörjade deltagare per kommun" && r[1] == "Kalmar");
        Assert.Equal(new[] { "women", "men", "nonBinary", "total" }.Select(g => Normalise(Display(kalmar.GetProperty("started").GetProperty(g), "count"))), started.Skip(2).Select(Normalise));
        var work = kalmar.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("key").GetString() == "work");
        var workShares = sheet.First(r => r[0] == "arbete: andel av avslutade (%)" && r[1] == "Kalmar");
        Assert.Equal(new[] { "women", "men", "nonBinary", "total" }.Select(g => Normalise(Display(work.GetProperty("shares").GetProperty(g), "percent"))), workShares.Skip(2).Select(Normalise));
    }

    /// <summary>
    /// A regional cell's or share's display text: given where a value is hidden or absent, otherwise the number
    /// itself (lean cells), as the exports write it.
    /// </summary>
    private static string Display(JsonElement cell, string number) =>
        cell.TryGetProperty("display", out var display) ? display.GetString()!
        : number == "percent" ? cell.GetProperty(number).GetDecimal().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
        : cell.GetProperty(number).GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
