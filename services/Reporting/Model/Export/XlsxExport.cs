using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Samverkan.Reporting.Model.Export;

/// <summary>
/// Report tables as an XLSX workbook written by hand (SpreadsheetML parts in a zip): one sheet laid out
/// like the CSV, figures as numbers, hidden ones as the text "&lt;5". No package needed for five small parts.
/// </summary>
public static class XlsxExport
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    public static byte[] Write(IEnumerable<ExportTable> tables, string sheetName)
    {
        var rows = new List<XElement>();
        void Add(IEnumerable<object> cells)
        {
            var r = rows.Count + 1;
            rows.Add(new XElement(Main + "row", new XAttribute("r", r),
                cells.Select((value, c) => CellOf($"{Column(c)}{r}", value))));
        }
        IReadOnlyList<string>? columns = null;
        foreach (var table in tables)
        {
            if (columns is null || !columns.SequenceEqual(table.Columns))
                Add(["", "", .. table.Columns]);
            columns = table.Columns;
            foreach (var row in table.Rows)
                Add([table.Title, row.Label, .. row.Values.Select(v => v.Number is { } n ? n : (object)v.Display)]);
        }

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", new XElement(ContentTypes + "Types",
                new XElement(ContentTypes + "Default", new XAttribute("Extension", "rels"), new XAttribute("ContentType", "application/vnd.openxmlformats-package.relationships+xml")),
                new XElement(ContentTypes + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")),
                new XElement(ContentTypes + "Override", new XAttribute("PartName", "/xl/workbook.xml"),
                    new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
                new XElement(ContentTypes + "Override", new XAttribute("PartName", "/xl/worksheets/sheet1.xml"),
                    new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")),
                new XElement(ContentTypes + "Override", new XAttribute("PartName", "/xl/styles.xml"),
                    new XAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"))));
            Part(zip, "_rels/.rels", new XElement(PackageRel + "Relationships",
                new XElement(PackageRel + "Relationship", new XAttribute("Id", "rId1"), new XAttribute("Target", "xl/workbook.xml"),
                    new XAttribute("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"))));
            Part(zip, "xl/workbook.xml", new XElement(Main + "workbook", new XAttribute(XNamespace.Xmlns + "r", Rel),
                new XElement(Main + "sheets", new XElement(Main + "sheet", new XAttribute("name", SheetName(sheetName)),
                    new XAttribute("sheetId", 1), new XAttribute(Rel + "id", "rId1")))));
            Part(zip, "xl/_rels/workbook.xml.rels", new XElement(PackageRel + "Relationships",
                new XElement(PackageRel + "Relationship", new XAttribute("Id", "rId1"), new XAttribute("Target", "worksheets/sheet1.xml"),
                    new XAttribute("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet")),
                new XElement(PackageRel + "Relationship", new XAttribute("Id", "rId2"), new XAttribute("Target", "styles.xml"),
                    new XAttribute("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"))));
            Part(zip, "xl/styles.xml", Styles());
            Part(zip, "xl/worksheets/sheet1.xml", new XElement(Main + "worksheet", new XElement(Main + "sheetData", rows)));
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The one default cell format. The format does not require a styles part, but readers do: without it ClosedXML (and
    /// with it, programs built on it) reads every number as empty.
    /// </summary>
    private static XElement Styles() => new(Main + "styleSheet",
        new XElement(Main + "fonts", new XAttribute("count", 1),
            new XElement(Main + "font", new XElement(Main + "sz", new XAttribute("val", 11)), new XElement(Main + "name", new XAttribute("val", "Calibri")))),
        new XElement(Main + "fills", new XAttribute("count", 2),
            new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "none"))),
            new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "gray125")))),
        new XElement(Main + "borders", new XAttribute("count", 1),
            new XElement(Main + "border", new XElement(Main + "left"), new XElement(Main + "right"), new XElement(Main + "top"),
                new XElement(Main + "bottom"), new XElement(Main + "diagonal"))),
        new XElement(Main + "cellStyleXfs", new XAttribute("count", 1),
            new XElement(Main + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0), new XAttribute("fillId", 0), new XAttribute("borderId", 0))),
        new XElement(Main + "cellXfs", new XAttribute("count", 1),
            new XElement(Main + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0), new XAttribute("fillId", 0), new XAttribute("borderId", 0),
                new XAttribute("xfId", 0))));

    private static XElement CellOf(string reference, object value) => value switch
    {
        decimal n => new XElement(Main + "c", new XAttribute("r", reference), new XElement(Main + "v", n.ToString(CultureInfo.InvariantCulture))),
        _ => new XElement(Main + "c", new XAttribute("r", reference), new XAttribute("t", "inlineStr"),
            new XElement(Main + "is", new XElement(Main + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), value.ToString()))),
    };

    /// <summary>A, B, … Z, AA, AB …</summary>
    private static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
            name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Rapport" : clean[..Math.Min(31, clean.Length)];
    }

    private static void Part(ZipArchive zip, string path, XElement root)
    {
        using var writer = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Save(writer);
    }
}
