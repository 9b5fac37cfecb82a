using Samverkan.Web.Api;
using Samverkan.Web.Workspaces.Coordinator;

namespace Samverkan.Web.UnitTests.Coordinator;

public sealed class CoordinatorApiTests
{
    [Fact]
    public void The_period_goes_to_the_API_as_typed_and_only_what_was_given()
    {
        var id = Guid.Parse("11111111-2222-3333-4444-555555555555");

        Assert.Equal($"/api/reports/collaborations/{id}/summary", CoordinatorApi.Summary(id, new(null, " ")));
        Assert.Equal($"/api/reports/collaborations/{id}/summary?from=2026-01-01&to=2026-13-01",
            CoordinatorApi.Summary(id, new("2026-01-01", "2026-13-01")));
        Assert.Equal("/api/reports/regional?municipality=0880&to=2026-06-30", CoordinatorApi.Regional(null, "0880", new(null, "2026-06-30")));
    }

    [Fact]
    public void A_reports_download_link_asks_for_the_same_report_in_the_file_format()
    {
        var id = Guid.NewGuid();

        var link = Downloads.Link(CoordinatorApi.Summary(id, new("2026-01-01", null)), "xlsx");

        Assert.Equal($"/ladda-ner?path={Uri.EscapeDataString($"/api/reports/collaborations/{id}/summary?from=2026-01-01&format=xlsx")}", link);
    }
}
