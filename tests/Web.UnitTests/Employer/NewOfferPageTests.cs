using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Samverkan.Web.Api;
using Samverkan.Web.Components.Pages.Employer;

namespace Samverkan.Web.UnitTests.Employer;

public sealed class NewOfferPageTests : BunitContext
{
    private sealed class Answer(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public string? Sent { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") };
        }
    }

    [Fact]
    public void The_APIs_messages_are_shown_next_to_their_fields_and_the_rest_in_the_alert()
    {
        var api = new Answer(HttpStatusCode.BadRequest,
            """{"status":400,"errors":{"title":["The Title field is required."],"employerId":["The employer is required."]}}""");
        Services.AddSingleton(new GatewayApi(new HttpClient(api) { BaseAddress = new Uri("http://gateway") }, NullLogger<GatewayApi>.Instance));

        var cut = Render<NewOffer>();
        cut.Find("#occupationCode").Change("5223");
        cut.Find("form").Submit();
        cut.WaitForElement("[role=alert]"); // the API's answer arrives asynchronously

        Assert.Contains("\"occupationCode\":\"5223\"", api.Sent);
        var title = cut.Find("#title");
        Assert.Equal("true", title.GetAttribute("aria-invalid"));
        Assert.Equal("The Title field is required.", cut.Find("#" + title.GetAttribute("aria-describedby")).TextContent.Trim());
        var alert = cut.Find("[role=alert]");
        Assert.Contains("Uppgifterna behöver rättas", alert.TextContent);
        Assert.Contains("employerId: The employer is required.", alert.TextContent);
        Assert.Equal("5223", cut.Find("#occupationCode").GetAttribute("value")); // what was typed stays
    }
}
