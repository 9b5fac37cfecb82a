using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Web.Components.Pages.Employer;

namespace Samverkan.Web.UnitTests.Employer;

public sealed class OverviewPageTests : BunitContext
{
    [Fact]
    public void A_login_linked_to_no_employer_is_told_who_links_it_and_no_offers_are_asked_for()
    {
        var gateway = new StubGateway().On("/api/employers", HttpStatusCode.OK, """{"items":[],"page":1,"pageSize":1,"total":0}""");
        Services.AddSingleton(gateway.Api());

        var cut = Render<Overview>();
        cut.WaitForElement(".alert--warn");

        Assert.Contains("inte kopplad till någon arbetsgivare", cut.Markup);
        Assert.DoesNotContain(gateway.Requests, r => r.Contains("/api/offers"));
    }
}
