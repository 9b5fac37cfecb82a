using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Platform.EndToEndTests;

[Collection(PlatformCollection.Name)]
public sealed class ReportingGatewayTests(PlatformFixture platform)
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task Regional_view_as_xlsx_through_the_gateway_opens_as_a_workbook_with_swedish_labels()
    {
        var response = await platform.ClientFor(Roles.Admin).GetAsync("/api/reports/regional?format=xlsx&publication=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var texts = XDocument.Load(sheet).Descendants(Main + "t").Select(t => t.Value).ToList();
        Assert.Contains("kvinnor", texts);
        Assert.Contains("påbörjade deltagare per kommun", texts);
    }

    [Fact]
    public async Task Rebuild_through_the_gateway_is_refused_to_a_coordinator()
    {
        var response = await platform.ClientFor(Roles.Coordinator).PostAsync("/api/reports/admin/rebuilds", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
