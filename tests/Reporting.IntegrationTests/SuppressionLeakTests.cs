using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>
/// The three ways a suppressed viewer could undo suppression that issue #15 verified or found in review, each through
/// the API as a caseworker of the owning agency (who gets suppressed figures): a filtered view against the unfiltered
/// one, a period from long ago against its own active row, and the ESF+ indicators against the summary.
/// </summary>
public sealed class SuppressionLeakTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private static readonly string[] Columns = ["women", "men", "nonBinary", "total"];

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static bool Hidden(JsonElement cell) => cell.TryGetProperty("suppressed", out var s) && s.GetBoolean();

    private static int? Shown(JsonElement cell) =>
        Hidden(cell) || !cell.TryGetProperty("count", out var c) || c.ValueKind != JsonValueKind.Number ? null : c.GetInt32();

    private static JsonElement Row(JsonElement table, string key) =>
        table.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static JsonElement Table(JsonElement tables, string dimension) =>
        tables.EnumerateArray().Single(t => t.GetProperty("dimension").GetString() == dimension);

    [Fact]
    public async Task A_municipality_filter_never_shows_a_cell_that_the_unfiltered_view_hides()
    {
        // Women 13 / men 12 in one municipality, 2 women in another: the 2 is hidden, and the women's column then
        // hides the 13 as its complement. The filtered view must hide it too, or 15 − 13 gives the 2 back.
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await factory.PublishAllAsync([
            TestEvents.Created(collaboration, owner),
            .. Enumerable.Range(0, 13).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, "0880")),
            .. Enumerable.Range(0, 12).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man, "0880")),
            .. Enumerable.Range(0, 2).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, "0885")),
            .. Enumerable.Range(0, 10).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man, "0885")),
        ]);
        // Figures for publication: suppressed for the owner's coordinator too.
        var coordinator = factory.ClientFor(Roles.Coordinator, owner);
        var url = $"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31&publication=true";

        var all = await GetJsonAsync(coordinator, url);
        var filtered = await GetJsonAsync(coordinator, url + "&municipality=0880");

        var unfiltered = all.GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("municipalityCode").GetString() == "0880");
        var only = Assert.Single(filtered.GetProperty("municipalities").EnumerateArray());
        Assert.Contains(Columns, c => Hidden(unfiltered.GetProperty("started").GetProperty(c))); // the scenario hides some of 0880
        foreach (var c in Columns)
            if (Hidden(unfiltered.GetProperty("started").GetProperty(c)))
                Assert.True(Hidden(only.GetProperty("started").GetProperty(c)), $"started {c}: hidden unfiltered, shown filtered");
    }

    [Fact]
    public async Task A_period_from_long_ago_does_not_give_hidden_active_counts_as_started_less_exited()
    {
        // 10 women started, 8 left: 2 active, a small cell. Every period's active row is as of its end.
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var women = Enumerable.Range(0, 10).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman)).ToList();
        var men = Enumerable.Range(0, 20).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man)).ToList();
        await factory.PublishAllAsync([TestEvents.Created(collaboration, owner), .. women, .. men]);
        await factory.PublishAllAsync([
            .. women.Take(8).Select(w => TestEvents.Exited(w, ExitOutcome.Employment)),
            .. men.Take(10).Select(m => TestEvents.Exited(m, ExitOutcome.Employment)),
        ]);
        var caseworker = factory.ClientFor(Roles.Caseworker, owner);

        foreach (var query in new[] { "from=1900-01-01&to=2026-12-31", "asOf=2026-12-31" })
        {
            var summary = await GetJsonAsync(caseworker, $"/api/reports/collaborations/{collaboration}/summary?{query}");
            var active = summary.GetProperty("active");
            Assert.True(Hidden(active.GetProperty("women")), query);
            foreach (var c in Columns)
                if (Hidden(active.GetProperty(c)))
                    Assert.False(Shown(summary.GetProperty("started").GetProperty(c)) is not null
                        && Shown(summary.GetProperty("exits").GetProperty("totals").GetProperty(c)) is not null,
                        $"{query}: active {c} is hidden but started and exited are both shown");
        }
    }

    [Theory]
    [InlineData("asOf=2026-03-10", "asOf")]
    [InlineData("from=2026-03-10&to=2026-03-31", "from")]
    [InlineData("from=2026-03-01&to=2026-03-11", "to")]
    public async Task Suppressed_viewers_get_whole_calendar_months_only(string query, string field)
    {
        // Two cumulative reports a day apart differ by the one person who started that day.
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await factory.PublishAllAsync([TestEvents.Created(collaboration, owner), TestEvents.Enrolled(collaboration, owner, Gender.Woman)]);

        var response = await factory.ClientFor(Roles.Caseworker, owner).GetAsync($"/api/reports/collaborations/{collaboration}/summary?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        // The same request with exact figures is answered: the rule is for suppressed viewers.
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Coordinator, owner)
            .GetAsync($"/api/reports/collaborations/{collaboration}/summary?{query}")).StatusCode);
    }

    [Fact]
    public async Task The_esf_indicators_and_the_summary_hide_the_same_people()
    {
        // Women 18–24: 3 (hidden), 25–29: 40, 30–54: 6. The ESF+ report's 18–29 (43) less the summary's 25–29 (40)
        // would give the 3 back if the two reports suppressed independently.
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await factory.PublishAllAsync([
            TestEvents.Created(collaboration, owner),
            .. Enumerable.Range(0, 3).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, age: AgeBand.From18To24)),
            .. Enumerable.Range(0, 40).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, age: AgeBand.From25To29)),
            .. Enumerable.Range(0, 6).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, age: AgeBand.From30To54)),
            .. Enumerable.Range(0, 10).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man, age: AgeBand.From30To54)),
        ]);
        var caseworker = factory.ClientFor(Roles.Caseworker, owner);

        var summary = await GetJsonAsync(caseworker, $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31");
        var esf = await GetJsonAsync(caseworker, $"/api/reports/collaborations/{collaboration}/esf-indicators?asOf=2026-12-31");

        var ages = Table(summary.GetProperty("tables"), "age-band");
        var esfAges = Table(esf.GetProperty("atEntry"), "age-band");
        Assert.True(Hidden(Row(ages, "From18To24").GetProperty("women")));
        foreach (var c in Columns)
        {
            var young = Row(ages, "From18To24").GetProperty(c);
            var older = Shown(Row(ages, "From25To29").GetProperty(c));
            var both = Shown(Row(esfAges, "18-29").GetProperty(c));
            if (Hidden(young))
                Assert.False(older is not null && both is not null, $"{c}: 18–24 = {both} − {older}, hidden in the summary");
        }
    }

    [Fact]
    public async Task A_collaborations_reports_hide_the_same_cells_and_say_which_mark_is_which()
    {
        // The scenario of the filter test: the 2 women of 0885 are small, the 13 women of 0880 their complement.
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await factory.PublishAllAsync([
            TestEvents.Created(collaboration, owner),
            .. Enumerable.Range(0, 13).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, "0880")),
            .. Enumerable.Range(0, 12).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man, "0880")),
            .. Enumerable.Range(0, 2).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, "0885")),
            .. Enumerable.Range(0, 10).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man, "0885")),
        ]);
        var coordinator = factory.ClientFor(Roles.Coordinator, owner);

        var summary = await GetJsonAsync(coordinator, $"/api/reports/published/collaborations/{collaboration}/summary?asOf=2026-12-31");
        var regional = await GetJsonAsync(coordinator, $"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31&publication=true");

        var municipalities = Table(summary.GetProperty("tables"), "municipality");
        foreach (var code in new[] { "0880", "0885" })
        {
            var inRegional = regional.GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("municipalityCode").GetString() == code);
            foreach (var c in Columns)
                Assert.Equal(Hidden(Row(municipalities, code).GetProperty(c)), Hidden(inRegional.GetProperty("started").GetProperty(c)));
        }
        var small = Row(municipalities, "0885").GetProperty("women");
        Assert.Equal(("<5", "small"), (small.GetProperty("display").GetString(), small.GetProperty("reason").GetString()));
        var complement = Row(municipalities, "0880").GetProperty("women");
        Assert.Equal(("..", "complement"), (complement.GetProperty("display").GetString(), complement.GetProperty("reason").GetString()));
        foreach (var report in new[] { summary, regional })
            Assert.Equal(["small", "complement"], report.GetProperty("marks").EnumerateArray().Select(m => m.GetProperty("reason").GetString()));
        var lean = regional.GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("municipalityCode").GetString() == "0880");
        Assert.Equal("complement", lean.GetProperty("started").GetProperty("women").GetProperty("reason").GetString());
    }
}
