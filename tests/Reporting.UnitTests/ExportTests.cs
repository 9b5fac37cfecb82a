using System.IO.Compression;
using System.Xml.Linq;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;
using Samverkan.Reporting.Model.Export;

namespace Samverkan.Reporting.UnitTests;

public sealed class ExportTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static IReadOnlyList<ExportTable> Tables()
    {
        var counters = new Counters().Add(12, Gender.Woman, ExitOutcome.Employment).Add(9, Gender.Man).Add(2, Gender.NonBinary, ExitOutcome.Studies);
        var report = CollaborationSummaryBuilder.Build(Counters.Collaboration, null, new(2026, 12, 31), counters.OfCollaboration(), new Dictionary<Guid, string>(), ReportLanguage.Swedish, 5);
        return SummaryExport.Tables(report, ReportLanguage.Swedish);
    }

    /// <summary>Reads the one sheet back: each row's cells as text (numbers in invariant form).</summary>
    internal static List<List<string>> ReadSheet(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        return XDocument.Load(sheet).Descendants(Main + "row")
            .Select(r => r.Elements(Main + "c").Select(c => (string?)c.Element(Main + "v") ?? c.Descendants(Main + "t").Single().Value).ToList()).ToList();
    }

    [Fact]
    public void Xlsx_holds_the_same_figures_as_the_csv()
    {
        var tables = Tables();
        var csv = System.Text.Encoding.UTF8.GetString(CsvExport.Write(tables)).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';').ToList()).ToList();

        var sheet = ReadSheet(XlsxExport.Write(tables, "Sammanställning"));

        Assert.Equal(csv, sheet);
        var started = sheet.Single(r => r[0] == "påbörjade deltagare");
        Assert.Equal("23", started[5]); // a number, written as one
        Assert.Contains("<5", started);
    }

    [Fact]
    public void Svg_is_well_formed_with_a_chart_per_table_and_swedish_labels()
    {
        var tables = Tables();
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(SvgChart.Write(tables, "Sammanställning – <FSLA> & co")));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        foreach (var table in tables)
            Assert.Contains(table.Title, texts);
        Assert.Contains("kvinnor", texts);
        Assert.Contains("<5", texts);
        Assert.Contains("Sammanställning – <FSLA> & co", texts);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\";\"a\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTab")]
    [InlineData("\rReturn")]
    public void Csv_cells_a_spreadsheet_would_evaluate_begin_with_an_apostrophe(string typed)
    {
        var table = new ExportTable(typed, [typed], [new ExportRow(typed, [ExportValue.Text(typed), ExportValue.Of(-3m)])]);

        var csv = System.Text.Encoding.UTF8.GetString(CsvExport.Write([table])).TrimStart('\uFEFF');

        var fields = csv.Split(';', '\n').Select(f => f.Trim('"')).Where(f => f.Length > 0 && f != "\r").ToList();
        Assert.DoesNotContain(fields, f => f[0] is '=' or '+' or '@' or '\t' or '\r' || (f[0] == '-' && f != "-3" && f != "-3\r"));
        Assert.Equal(4, fields.Count(f => f.StartsWith('\'')));
        Assert.Contains("-3", csv); // a negative figure stays a number
    }
}
