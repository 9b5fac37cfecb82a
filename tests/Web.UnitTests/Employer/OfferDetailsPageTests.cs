using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Web.Components.Pages.Employer;

namespace Samverkan.Web.UnitTests.Employer;

public sealed class OfferDetailsPageTests : BunitContext
{
    private static readonly Guid OfferId = Guid.Parse("6f0e3c1a-2b7d-4e21-9d35-1a2b3c4d5e6f");

    private static string Offer(string status) => $$"""
        {"id":"{{OfferId}}","employerId":"{{Guid.NewGuid()}}","kind":"internship","occupationCode":"9333","title":"Praktik på lagret",
         "description":null,"municipalityCode":"0881","municipalityName":"Nybro","places":2,"startDate":"2026-12-17","durationWeeks":null,
         "hoursPerWeek":37.5,"requirements":{"skills":["truckkort"],"swedishLevel":"basic","drivingLicence":true},"supervisorCapacity":1,
         "adaptations":[],"status":"{{status}}","publishedByActorId":"{{Guid.NewGuid()}}","publishedAt":"2026-12-03T10:00:00Z",
         "filledAt":null,"closedAt":null}
        """;

    private const string Candidates = """
        {"offerId":"6f0e3c1a-2b7d-4e21-9d35-1a2b3c4d5e6f","matchable":1,"candidates":[{"rank":1,"pseudonym":"K-7F3A","participantId":null,
         "score":90,"maxScore":100,"distance":"same-municipality","skillsMet":["truckkort"],"skillsMissing":[],
         "reasons":[{"code":"occupation","met":true,"points":30,"maxPoints":30,"text":"Söker yrket 9333."}]}]}
        """;

    private const string NoPipelines = """{"items":[],"page":1,"pageSize":100,"total":0}""";

    private StubGateway Gateway(string status)
    {
        var gateway = new StubGateway()
            .On($"/api/offers/{OfferId}", HttpStatusCode.OK, Offer(status))
            .On($"/api/offers/{OfferId}/candidates", HttpStatusCode.OK, Candidates)
            .On("/api/employers/pipelines", HttpStatusCode.OK, NoPipelines);
        Services.AddSingleton(gateway.Api());
        return gateway;
    }

    [Fact]
    public void An_open_offer_can_be_filled_or_closed_and_lists_its_candidates_with_their_reasons()
    {
        var gateway = Gateway("open");

        var cut = Render<OfferDetails>(p => p.Add(c => c.Id, OfferId));
        cut.WaitForElement("li.candidate");

        Assert.Equal("Praktik på lagret", cut.Find("h1").TextContent);
        Assert.Equal(["Markera som tillsatt", "Stäng erbjudandet"], cut.FindAll("form button").Select(b => b.TextContent));
        Assert.Contains("Söker yrket 9333.", cut.Find("li.candidate").TextContent);
        Assert.Contains("37,5", cut.Find("dl.facts").TextContent); // hours as Swedish writes them
        Assert.Contains("Ingen kandidat har föreslagits", cut.Markup);
        Assert.Contains($"GET /api/offers/{OfferId}/candidates?top=20", gateway.Requests);
        Assert.Contains($"GET /api/employers/pipelines?offerId={OfferId}&pageSize=100", gateway.Requests);
    }

    [Fact]
    public void A_closed_offer_offers_no_change()
    {
        Gateway("closed");

        var cut = Render<OfferDetails>(p => p.Add(c => c.Id, OfferId));
        cut.WaitForElement("li.candidate");

        Assert.Empty(cut.FindAll("form"));
        Assert.Equal("Stängt", cut.Find(".badge").TextContent);
    }

    [Fact]
    public void An_offer_the_employer_may_not_see_is_said_so_in_Swedish()
    {
        Services.AddSingleton(new StubGateway().Api());

        var cut = Render<OfferDetails>(p => p.Add(c => c.Id, OfferId));
        cut.WaitForElement("[role=alert]");

        Assert.Contains("Det du söker finns inte, eller så har du inte tillgång till det.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(cut.FindAll("dl"));
    }
}
