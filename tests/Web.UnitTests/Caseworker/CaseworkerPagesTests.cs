using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Web.Components.Pages.Caseworker;

namespace Samverkan.Web.UnitTests.Caseworker;

public sealed class CaseworkerPagesTests : BunitContext
{
    private static readonly Guid Collaboration = Guid.Parse("0b0e6f0e-0000-0000-0000-000000000001");
    private static readonly Guid Agency = Guid.Parse("0b0e6f0e-0000-0000-0000-0000000000a1");
    private static readonly Guid Participant = Guid.Parse("7e57da7a-0000-0000-0000-000000000001");

    private readonly FakeGateway _gateway;

    public CaseworkerPagesTests()
    {
        _gateway = FakeGateway.AddTo(Services);
        _gateway.Answer("/api/collaborations?page=1&pageSize=200",
            $$"""{"items":[{"id":"{{Collaboration}}","name":"Vägen till arbete","startDate":"2026-01-01","endDate":"2027-12-31"}],"page":1,"pageSize":200,"total":1}""");
        _gateway.Answer("/api/participants/actors?page=1&pageSize=200",
            $$"""{"items":[{"id":"{{Agency}}","name":"Arbetsförmedlingen","sector":"public","kind":"employment-service"}],"page":1,"pageSize":200,"total":1}""");
    }

    [Fact]
    public void The_list_names_collaborations_and_agencies_links_each_participant_and_pages_keeping_the_filter()
    {
        _gateway.Answer($"/api/participants?page=1&pageSize=25&collaborationId={Collaboration}",
            $$"""
            {"items":[{"id":"{{Participant}}","collaborationId":"{{Collaboration}}","identityKind":"personal-identity-number","gender":"woman",
              "ageAtStart":34,"ageBand":"30-54","municipalityCode":"0180","referringActorId":"{{Agency}}","referralDate":"2026-02-01",
              "targetGroups":["young"],"benefitAtStart":"activity-support","labourMarketStatus":"unemployed","educationLevel":"tertiary",
              "startDate":"2026-02-03","enrolledAt":"2026-02-03T08:00:00Z"}],"page":1,"pageSize":25,"total":30}
            """);

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("samverkan", Collaboration.ToString()));
        var cut = Render<Samverkan.Web.Components.Pages.Caseworker.Index>();

        var row = cut.Find("tbody tr");
        Assert.Equal($"/handlaggare/deltagare/{Participant}", row.QuerySelector("th a")!.GetAttribute("href"));
        Assert.Contains("Vägen till arbete", row.TextContent);
        Assert.Contains("Arbetsförmedlingen", row.TextContent);
        Assert.Contains("30–54 år", row.TextContent);
        Assert.Contains("sida 1 av 2", cut.Find("caption").TextContent);
        var next = cut.Find(".pager a").GetAttribute("href")!;
        Assert.Contains($"samverkan={Collaboration}", next);
        Assert.Contains("sida=2", next);
    }

    [Fact]
    public void Every_input_of_the_enrolment_form_has_a_label_and_is_named_as_the_APIs_field()
    {
        var cut = Render<Enrol>();

        foreach (var input in cut.FindAll("form input:not([type=hidden]), form select, form textarea"))
            Assert.NotNull(cut.Find($"label[for='{input.Id}']"));
        var names = cut.FindAll("form [name]").Select(e => e.GetAttribute("name")).ToHashSet();
        Assert.Superset(new HashSet<string?> { "collaborationId", "personalIdentityNumber", "municipalityCode", "referralDate", "startDate",
            "targetGroups", "benefitAtStart", "labourMarketStatus", "educationLevel" }, names);
    }

    [Fact]
    public void The_APIs_messages_are_shown_at_their_fields_and_the_rest_in_the_alert()
    {
        _gateway.Answer("/api/participants",
            """{"status":400,"errors":{"personalIdentityNumber":["The check digit does not match."],"referringActorId":["The referring actor is not a known actor."]}}""",
            HttpStatusCode.BadRequest);
        var cut = Render<Enrol>();

        cut.Find("form").Submit();

        var input = cut.Find("#personalIdentityNumber");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("fel-personalIdentityNumber", input.GetAttribute("aria-describedby"));
        Assert.Contains("The check digit does not match.", cut.Find("#fel-personalIdentityNumber").TextContent);
        var alert = cut.Find("[role=alert]");
        Assert.Contains("Uppgifterna behöver rättas", alert.TextContent);
        Assert.Contains("referringActorId: The referring actor is not a known actor.", alert.TextContent);
        Assert.DoesNotContain("check digit", alert.TextContent);
    }

    [Fact]
    public void The_audit_log_is_explained_rather_than_failed_for_a_caseworker_the_API_refuses()
    {
        _gateway.Answer($"/api/participants/{Participant}",
            $$"""
            {"id":"{{Participant}}","collaborationId":"{{Collaboration}}","identityKind":"anonymous","gender":"man","municipalityCode":"0180",
             "referringActorId":"{{Agency}}","referralDate":"2026-02-01","targetGroups":[],"benefitAtStart":"none","labourMarketStatus":"inactive",
             "educationLevel":"tertiary","startDate":"2026-02-03","enrolledAt":"2026-02-03T08:00:00Z"}
            """);
        _gateway.Answer($"/api/participants/audit?participantId={Participant}&page=1&pageSize=25", """{"status":403}""", HttpStatusCode.Forbidden);

        var cut = Render<RecordLog>(p => p.Add(c => c.Id, Participant));

        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Contains("bara läsas av din organisations administratör", cut.Markup);
        Assert.Contains("/ladda-ner?path=", cut.Find("a[download]").GetAttribute("href"));
        Assert.Equal("page", cut.Find(".sub-nav a[aria-current]").GetAttribute("aria-current"));
    }
}
