using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// The audit's other half (see <see cref="BadInputAuditTests"/>): query parameters that do not parse or make no sense
/// (support-due, indicators, lists, candidates) are 400, extreme but valid ones 200, ids that do not parse 404, and
/// another agency or employer learns nothing.
/// </summary>
public sealed class QueryAndAccessAuditTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private Task<AuditWorld> WorldAsync() => AuditWorld.For(factory);

    [Theory]
    [InlineData("/api/employers/pipelines/support-due?asOf=yesterday", "asOf")]
    [InlineData("/api/employers/pipelines/support-due?asOf=2026-02-30", "asOf")]
    [InlineData("/api/employers/pipelines/support-due?asOf=0001-01-01", "asOf")]
    [InlineData("/api/employers/pipelines/support-due?asOf=9999-12-31", "asOf")]
    [InlineData("/api/employers/pilots/indicators", "from")]
    [InlineData("/api/employers/pilots/indicators?from=2026-01-01", "to")]
    [InlineData("/api/employers/pilots/indicators?from=2026-03-01&to=2026-01-01", "to")]
    [InlineData("/api/employers/pilots/indicators?from=yesterday&to=2026-01-01", "from")]
    [InlineData("/api/employers/pilots/indicators?from=0001-01-01&to=9999-12-31", "from")]
    [InlineData("/api/employers/pipelines?stage=hired", "stage")]
    [InlineData("/api/employers/pipelines?stage=4", "stage")]
    [InlineData("/api/employers/pipelines?offerId=abc", "offerId")]
    [InlineData("/api/employers/pipelines?page=abc", "page")]
    [InlineData("/api/employers/pipelines?pageSize=99999999999", "pageSize")]
    [InlineData("/api/employers/pilots/indicators?from=2025-13-45&to=2026-01-01", "from")]
    [InlineData("/api/employers/pilots/indicators?from=2026-01-01&to=2199-12-32", "to")]
    [InlineData("/api/offers?kind=Internship", "kind")]
    [InlineData("/api/employers/pipelines?pilot=a%00b", "pilot")]
    [InlineData("/api/employers/pipelines/support-due?pilot=%00", "pilot")]
    [InlineData("/api/employers?name=Bygg%00", "name")]
    [InlineData("/api/offers/{offer}/candidates?top=abc", "top")]
    [InlineData("/api/offers/{offer}/candidates?top=99999999999", "top")]
    [InlineData("/api/employers/matching-profiles/{participant}/offers?top=-1", "top")]
    public async Task Query_parameters_that_do_not_parse_or_make_no_sense_are_400(string template, string parameter)
    {
        var w = await WorldAsync();
        var url = template.Replace("{offer}", w.Offer.ToString()).Replace("{participant}", w.Participant.ToString());
        var response = await w.Staff.GetAsync(url);
        await Problems.AssertBadRequestNaming(response, parameter);
    }

    [Theory]
    [InlineData("/api/employers/pipelines/support-due?asOf=2199-12-31")]
    [InlineData("/api/employers/pilots/indicators?from=2000-01-01&to=2099-12-31")]
    [InlineData("/api/employers/pipelines?page=2147483647&pageSize=200")]
    [InlineData("/api/employers?page=2147483647")]
    [InlineData("/api/offers?page=2147483647&pageSize=200")]
    [InlineData("/api/employers/actors?page=2147483647")]
    public async Task Extreme_but_valid_query_values_answer_200(string url)
    {
        var w = await WorldAsync();
        var response = await w.Staff.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("/api/employers/matching-profiles/not-a-guid")]
    [InlineData("/api/employers/matching-profiles/not-a-guid/offers")]
    [InlineData("/api/offers/not-a-guid/candidates")]
    [InlineData("/api/employers/pipelines/not-a-guid")]
    [InlineData("/api/employers/pipelines/not-a-guid/support-contacts")]
    public async Task Ids_that_do_not_parse_are_404(string url)
    {
        var w = await WorldAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await w.Staff.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Staff.PostAsJsonAsync(url + "/moves", new { stage = "interview", date = "2026-02-01" })).StatusCode);
    }

    [Fact]
    public async Task Another_agency_learns_nothing_of_a_pilots_support_contacts_due_list_or_indicators()
    {
        var w = await WorldAsync();
        var other = factory.ClientFor(Roles.Coordinator, await factory.KnownActorAsync("Annan kommun"));
        var contacts = $"/api/employers/pipelines/{w.Pipeline}/support-contacts";

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(contacts)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(contacts, new { date = "2026-02-01", with = "employer", channel = "phone" })).StatusCode);
        var due = await other.GetFromJsonAsync<JsonElement>("/api/employers/pipelines/support-due?asOf=2026-03-01");
        Assert.DoesNotContain(due.EnumerateArray(), d => d.GetProperty("pipelineId").GetGuid() == w.Pipeline);
        var indicators = await other.GetFromJsonAsync<JsonElement>("/api/employers/pilots/indicators?from=2026-01-01&to=2026-12-31");
        Assert.DoesNotContain(indicators.GetProperty("pilots").EnumerateArray(), p => p.GetProperty("pilotActorId").GetGuid() == w.Agency);
        // The pilot's own agency does see it due, so the probes above could have failed.
        var own = await w.Staff.GetFromJsonAsync<JsonElement>("/api/employers/pipelines/support-due?asOf=2026-03-01");
        Assert.Contains(own.EnumerateArray(), d => d.GetProperty("pipelineId").GetGuid() == w.Pipeline);
    }

    [Fact]
    public async Task Employers_reach_none_of_the_pilots_tools_and_another_employer_sees_no_candidates()
    {
        var w = await WorldAsync();
        var employer = factory.ClientFor(Roles.Employer, w.EmployerActor);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/api/employers/pipelines/{w.Pipeline}/support-contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/api/employers/pipelines/support-due")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/api/employers/pilots/indicators?from=2026-01-01&to=2026-12-31")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.PostAsJsonAsync("/api/employers/pipelines", new { participantId = w.Participant, offerId = w.Offer })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync($"/api/employers/matching-profiles/{w.Participant}/offers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.PutAsJsonAsync($"/api/employers/matching-profiles/{Guid.NewGuid()}", ProfileBody("7119"))).StatusCode);

        var (_, otherEmployer, _) = await factory.EmployerWithUserAsync();
        var stranger = factory.ClientFor(Roles.Employer, otherEmployer);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/offers/{w.Offer}/candidates")).StatusCode);
        var list = await stranger.GetFromJsonAsync<JsonElement>("/api/employers/pipelines");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == w.Pipeline);
    }
}
