using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>
/// The audit's other half (see <see cref="BadInputAuditTests"/>): ids that do not parse are 404, query parameters that
/// do not parse are 400, a page far out is empty, and another agency, a partner or an employer learns or changes nothing.
/// </summary>
public sealed class QueryAndAccessAuditTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private Task<AuditWorld> WorldAsync() => AuditWorld.For(factory);

    [Theory]
    [InlineData("/api/actors/{owner}/interventions/not-a-guid")]
    [InlineData("/api/actors/not-a-guid/interventions")]
    [InlineData("/api/collaborations/not-a-guid/interventions")]
    [InlineData("/api/collaborations/not-a-guid/assessment-rounds")]
    [InlineData("/api/collaborations/{collaboration}/assessment-rounds/one/answers")]
    [InlineData("/api/collaborations/{collaboration}/assessment-rounds/99999999999/answers")]
    [InlineData("/api/collaborations/{collaboration}/assessment-rounds/-1/answers")]
    [InlineData("/api/collaborations/not-a-guid/assessment")]
    [InlineData("/api/collaborations/not-a-guid/governance")]
    [InlineData("/api/collaborations/{collaboration}/meetings/not-a-guid")]
    [InlineData("/api/collaborations/not-a-guid/agreements/delivery")]
    public async Task Ids_that_do_not_parse_are_404(string template)
    {
        var w = await WorldAsync();
        var url = template.Replace("{owner}", w.Owner.ToString()).Replace("{collaboration}", w.Collaboration.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Coordinator, w.Owner).GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("?page=abc", "page")]
    [InlineData("?pageSize=1e3", "pageSize")]
    [InlineData("?category=3", "category")]
    [InlineData("?category=Internship", "category")]
    [InlineData("?page=99999999999", "page")]
    [InlineData("?q=%00", "q")]
    public async Task Catalogue_query_parameters_that_do_not_parse_are_400(string query, string parameter)
    {
        var w = await WorldAsync();
        var response = await factory.ClientFor(Roles.Caseworker, w.Owner).GetAsync($"/api/collaborations/{w.Collaboration}/interventions{query}");
        await Problems.AssertBadRequestNaming(response, parameter);
    }

    [Theory]
    [InlineData("leftOn=9999-12-31", "leftOn")]
    [InlineData("leftOn=2026-02-30", "leftOn")]
    [InlineData("leftOn=tomorrow", "leftOn")]
    public async Task A_leave_date_that_is_impossible_or_implausible_is_400_naming_it(string query, string parameter)
    {
        var w = await WorldAsync();
        var response = await factory.ClientFor(Roles.Coordinator, w.Owner).DeleteAsync($"/api/collaborations/{w.Collaboration}/members/{w.Partner}?{query}");
        await Problems.AssertBadRequestNaming(response, parameter);
    }

    [Fact]
    public async Task A_nul_character_in_any_query_parameter_is_400_naming_it_even_one_the_endpoint_ignores()
    {
        var w = await WorldAsync();
        var response = await factory.ClientFor(Roles.Caseworker, w.Owner).GetAsync($"/api/collaborations/{w.Collaboration}/meetings?unused=a%00b");
        await Problems.AssertBadRequestNaming(response, "unused");
    }

    [Fact]
    public async Task A_nul_character_in_the_actor_name_search_is_400_naming_it()
    {
        var w = await WorldAsync();
        var response = await factory.ClientFor(Roles.Caseworker, w.Owner).GetAsync("/api/actors?name=kommun%00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "name");
    }

    [Theory]
    [InlineData("/api/collaborations/{collaboration}/interventions?page=2147483647&pageSize=200")]
    [InlineData("/api/collaborations/{collaboration}/interventions?page=21474837")]
    [InlineData("/api/collaborations?page=2147483647")]
    [InlineData("/api/actors?page=2147483647&pageSize=200")]
    public async Task A_page_far_past_the_end_is_empty_not_a_500(string template)
    {
        var w = await WorldAsync();
        var response = await factory.ClientFor(Roles.Coordinator, w.Owner).GetAsync(template.Replace("{collaboration}", w.Collaboration.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Another_agency_learns_nothing_of_rounds_answers_meetings_or_delivery()
    {
        var w = await WorldAsync();
        var outsider = factory.ClientFor(Roles.Coordinator, w.Outsider);
        var c = w.Collaboration;
        foreach (var url in new[]
                 {
                     $"/api/collaborations/{c}/assessment-rounds", $"/api/collaborations/{c}/assessment-rounds/1/answers",
                     $"/api/collaborations/{c}/assessment", $"/api/collaborations/{c}/governance/warnings",
                     $"/api/collaborations/{c}/meetings", $"/api/collaborations/{c}/meetings/{w.Meeting}",
                     $"/api/collaborations/{c}/agreements/delivery", $"/api/collaborations/{c}/interventions",
                 })
            Assert.True((await outsider.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);

        Assert.Equal(HttpStatusCode.NotFound,
            (await outsider.PostAsJsonAsync($"/api/collaborations/{c}/assessment-rounds", new { heldOn = "2026-06-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await outsider.PostAsJsonAsync($"/api/collaborations/{c}/meetings", new { date = "2026-06-01", kind = "check-in" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/collaborations/{c}/assessment-rounds/1/answers",
            new { actorId = w.Partner, answers = new[] { new { criterion = "mandate", score = 1 } } })).StatusCode);
        var meetingPut = new HttpRequestMessage(HttpMethod.Put, $"/api/collaborations/{c}/meetings/{w.Meeting}")
        {
            Content = JsonContent.Create(new { date = "2026-03-01", kind = "steering-group" }),
        };
        meetingPut.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(meetingPut)).StatusCode);
        var governancePut = new HttpRequestMessage(HttpMethod.Put, $"/api/collaborations/{c}/governance")
        {
            Content = JsonContent.Create(new { steeringGroup = Array.Empty<object>() }),
        };
        governancePut.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.SendAsync(governancePut)).StatusCode);
    }

    [Fact]
    public async Task A_partner_cannot_answer_for_the_owner_nor_open_rounds_or_meetings()
    {
        var w = await WorldAsync();
        var partner = factory.ClientFor(Roles.Coordinator, w.Partner);
        var c = w.Collaboration;
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutAsJsonAsync($"/api/collaborations/{c}/assessment-rounds/1/answers",
            new { actorId = w.Owner, answers = new[] { new { criterion = "mandate", score = 1 } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await partner.PostAsJsonAsync($"/api/collaborations/{c}/assessment-rounds", new { heldOn = "2026-06-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await partner.PostAsJsonAsync($"/api/collaborations/{c}/meetings", new { date = "2026-06-01", kind = "check-in" })).StatusCode);
        var employer = factory.ClientFor(Roles.Employer, w.Owner);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/api/collaborations/{c}/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.PostAsJsonAsync($"/api/actors/{w.Owner}/interventions", new
        {
            name = "X", category = "internship", eligibility = "Alla", openRegardlessOfBenefit = true,
        })).StatusCode);
    }
}
