using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>
/// The cross-table endpoint through the API, on events through the broker: a final report's referral table — per
/// referring actor and gender, started, still active, and exits to work, studies, work or studies and other — for a
/// scenario whose published figures are written out here.
/// </summary>
public sealed class CrossTableTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private readonly Guid _owner = Guid.NewGuid();
    private readonly Guid _af = Guid.NewGuid();
    private readonly Guid _kommun = Guid.NewGuid();
    private readonly Guid _fk = Guid.NewGuid();
    private readonly Guid _collaboration = Guid.NewGuid();

    /// <summary>
    /// "Steg till arbete", 2026: Arbetsförmedlingen referred 6 women and 5 men (exits: women 3 to employment, 1 to studies;
    /// men 2 to employment, 1 to an internship), Kalmar kommun 4 women and 6 men (women 1 to studies, 1 job-seeking; men 3
    /// to subsidised employment), Försäkringskassan 2 women and 1 man (a woman to "other"). All started 10 February,
    /// exits on 1 September.
    /// </summary>
    private async Task ScenarioAsync()
    {
        var events = new List<object>
        {
            new ActorRegistered { ActorId = _af, Name = "Arbetsförmedlingen", OrganisationNumber = "2021005646", Sector = ActorSector.Public, Kind = ActorKind.Other, RegisteredAt = DateTimeOffset.UtcNow },
            new ActorRegistered { ActorId = _kommun, Name = "Kalmar kommun", OrganisationNumber = "2120000696", Sector = ActorSector.Public, Kind = ActorKind.Municipality, RegisteredAt = DateTimeOffset.UtcNow },
            new ActorRegistered { ActorId = _fk, Name = "Försäkringskassan", OrganisationNumber = "2021005521", Sector = ActorSector.Public, Kind = ActorKind.Other, RegisteredAt = DateTimeOffset.UtcNow },
            TestEvents.Created(_collaboration, _owner),
        };
        void Add(Guid referrer, Gender gender, int n, params ExitOutcome[] exits)
        {
            for (var i = 0; i < n; i++)
            {
                var enrolled = TestEvents.Enrolled(_collaboration, referrer, gender) with { BenefitAtStart = BenefitType.ActivitySupport };
                events.Add(enrolled);
                if (i < exits.Length)
                    events.Add(TestEvents.Exited(enrolled, exits[i]));
            }
        }
        Add(_af, Gender.Woman, 6, ExitOutcome.Employment, ExitOutcome.Employment, ExitOutcome.Employment, ExitOutcome.Studies);
        Add(_af, Gender.Man, 5, ExitOutcome.Employment, ExitOutcome.Employment, ExitOutcome.Internship);
        Add(_kommun, Gender.Woman, 4, ExitOutcome.Studies, ExitOutcome.JobSeeking);
        Add(_kommun, Gender.Man, 6, ExitOutcome.SubsidisedEmployment, ExitOutcome.SubsidisedEmployment, ExitOutcome.SubsidisedEmployment);
        Add(_fk, Gender.Woman, 2, ExitOutcome.Other);
        Add(_fk, Gender.Man, 1);
        await factory.PublishAllAsync(events);
    }

    [Fact]
    public async Task The_referral_table_of_a_final_report_is_reproduced_with_its_published_figures()
    {
        await ScenarioAsync();
        var coordinator = factory.ClientFor(Roles.Coordinator, _owner);
        var report = await coordinator.GetFromJsonAsync<JsonElement>(
            $"/api/reports/collaborations/{_collaboration}/cross-table?rows=referring-actor&from=2026-01-01&to=2026-12-31");

        // Referring actor: started (women, men, total) | active at the end | work | studies | work or studies | other
        string[] expected =
        [
            "Arbetsförmedlingen: started 6/5/11 active 2/2/4 work 3/2/5 studies 1/0/1 work-or-studies 4/2/6 other 0/1/1",
            "Försäkringskassan: started 2/1/3 active 1/1/2 work 0/0/0 studies 0/0/0 work-or-studies 0/0/0 other 1/0/1",
            "Kalmar kommun: started 4/6/10 active 2/3/5 work 0/3/3 studies 1/0/1 work-or-studies 1/3/4 other 1/0/1",
            "totalt: started 12/12/24 active 5/6/11 work 3/5/8 studies 2/0/2 work-or-studies 5/5/10 other 2/1/3",
        ];
        Assert.Equal(expected, Shown(report));
        Assert.Equal("remitterande aktör", report.GetProperty("rowsLabel").GetString());

        // The same counts asked the other way round (outcome × referring actor, stored as referring actor × outcome).
        var byOutcome = await coordinator.GetFromJsonAsync<JsonElement>(
            $"/api/reports/collaborations/{_collaboration}/cross-table?rows=outcome&columns=referring-actor&from=2026-01-01&to=2026-12-31");
        var employmentAf = Line(byOutcome, "arbete: anställning", "Arbetsförmedlingen");
        Assert.Equal(3, Count(employmentAf, "exited", "women"));
        Assert.Equal(2, Count(employmentAf, "exited", "men"));

        // As of the end of June nobody had left: all 24 active; the region's table of the collaboration agrees.
        var june = await coordinator.GetFromJsonAsync<JsonElement>(
            $"/api/reports/regional/cross-table?collaboration={_collaboration}&rows=benefit-at-start&asOf=2026-06-30");
        var total = june.GetProperty("totals");
        Assert.Equal(24, Count(total, "active", "total"));
        Assert.Equal(0, Count(total, "exited", "total"));
        Assert.Equal("ActivitySupport", june.GetProperty("lines")[0].GetProperty("rowKey").GetString());

        // The collaboration summary keeps its shape and gains the same exits by referring actor.
        var summary = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/collaborations/{_collaboration}/summary?from=2026-01-01&to=2026-12-31");
        var referrers = summary.GetProperty("exitsByReferringActor").EnumerateArray().Select(r =>
            $"{r.GetProperty("label").GetString()}: exited {Row(r.GetProperty("exited"))} work {Row(r.GetProperty("work"))} work-or-studies {Row(r.GetProperty("workOrStudies"))}").ToList();
        Assert.Equal(
        [
            "Arbetsförmedlingen: exited 4/3/7 work 3/2/5 work-or-studies 4/2/6",
            "Försäkringskassan: exited 1/0/1 work 0/0/0 work-or-studies 0/0/0",
            "Kalmar kommun: exited 2/3/5 work 0/3/3 work-or-studies 1/3/4",
        ], referrers);
        Assert.Equal(24, summary.GetProperty("started").GetProperty("total").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Pages_of_lines_together_are_the_whole_table_and_the_totals_are_over_every_line()
    {
        await ScenarioAsync();
        var coordinator = factory.ClientFor(Roles.Coordinator, _owner);
        const string path = "cross-table?rows=outcome&columns=referring-actor&from=2026-01-01&to=2026-12-31";
        var whole = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/collaborations/{_collaboration}/{path}");
        var all = Lines(whole);
        Assert.Equal(7, all.Count); // AF: employment, studies, internship; Kalmar kommun: studies, job-seeking, subsidised; FK: other
        Assert.Equal(all.Count, whole.GetProperty("lineCount").GetInt32());

        // Two dimensions: each page read on its own (the index's keys, then the page's cells), in the whole table's order.
        var paged = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var part = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/collaborations/{_collaboration}/{path}&page={page}&pageSize=2");
            Assert.Equal(all.Count, part.GetProperty("lineCount").GetInt32());
            Assert.Equal(2, part.GetProperty("pageSize").GetInt32());
            paged.AddRange(Lines(part));
        }
        Assert.Equal(all, paged);
        var past = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/collaborations/{_collaboration}/{path}&page=5&pageSize=2");
        Assert.Empty(Lines(past));

        // One dimension: the second of three referring actors, and the totals of all three.
        var second = await coordinator.GetFromJsonAsync<JsonElement>(
            $"/api/reports/collaborations/{_collaboration}/cross-table?rows=referring-actor&from=2026-01-01&to=2026-12-31&page=2&pageSize=1");
        Assert.Equal(["Försäkringskassan: started 2/1/3 active 1/1/2 work 0/0/0 studies 0/0/0 work-or-studies 0/0/0 other 1/0/1",
            "totalt: started 12/12/24 active 5/6/11 work 3/5/8 studies 2/0/2 work-or-studies 5/5/10 other 2/1/3"], Shown(second));
        Assert.Equal(3, second.GetProperty("lineCount").GetInt32());
    }

    private static List<string> Lines(JsonElement report) => report.GetProperty("lines").EnumerateArray()
        .Select(l => $"{l.GetProperty("rowLabel").GetString()} / {l.GetProperty("columnLabel").GetString()}: "
            + string.Join(" ", l.GetProperty("measures").EnumerateArray().Select(m => Row(m)))).ToList();

    private static string Row(JsonElement row) => string.Join("/", new[] { "women", "men", "total" }.Select(g => row.GetProperty(g).GetProperty("count").GetInt32()));

    [Fact]
    public async Task A_viewer_who_gets_suppressed_figures_is_refused_and_exports_carry_the_table()
    {
        await ScenarioAsync();
        // A caseworker of the owner reads the collaboration's reports suppressed: a cross-table is not in the scope's one
        // suppression pattern, so none is served (and nothing hidden elsewhere could be subtracted out of it).
        var caseworker = factory.ClientFor(Roles.Caseworker, _owner);
        var refused = await caseworker.GetAsync($"/api/reports/collaborations/{_collaboration}/cross-table?rows=referring-actor&from=2026-01-01&to=2026-12-31");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var regional = await factory.ClientFor(Roles.Coordinator, _owner).GetAsync("/api/reports/regional/cross-table?rows=municipality");
        Assert.Equal(HttpStatusCode.Forbidden, regional.StatusCode);

        var coordinator = factory.ClientFor(Roles.Coordinator, _owner);
        var csv = await coordinator.GetStringAsync(
            $"/api/reports/collaborations/{_collaboration}/cross-table?rows=referring-actor&from=2026-01-01&to=2026-12-31&format=csv");
        Assert.Contains("påbörjade", csv, StringComparison.Ordinal);
        Assert.Contains("Kalmar kommun", csv, StringComparison.Ordinal);
        foreach (var format in new[] { "xlsx", "svg" })
        {
            var file = await coordinator.GetAsync($"/api/reports/collaborations/{_collaboration}/cross-table?rows=age-band&columns=outcome&format={format}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }
        // Another agency's staff are not told the collaboration exists.
        var other = await factory.ClientFor(Roles.Coordinator, Guid.NewGuid()).GetAsync($"/api/reports/collaborations/{_collaboration}/cross-table?rows=municipality");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Theory]
    [InlineData("rows=shoe-size", "rows")]
    [InlineData("", "rows")]
    [InlineData("rows=municipality&columns=municipality", "columns")]
    [InlineData("rows=municipality&columns=colour", "columns")]
    [InlineData("rows=municipality&from=2026-01-15&to=2026-12-31", "from")]
    [InlineData("rows=municipality&to=2026-12-30", "to")]
    [InlineData("rows=municipality&asOf=2026-06-15", "asOf")]
    [InlineData("rows=municipality&format=pdf", "format")]
    public async Task A_bad_dimension_or_a_period_of_part_months_is_a_problem_naming_the_field(string query, string field)
    {
        var response = await factory.ClientFor(Roles.Operator).GetAsync($"/api/reports/regional/cross-table?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static List<string> Shown(JsonElement report) =>
        report.GetProperty("lines").EnumerateArray().Append(report.GetProperty("totals")).Select(l =>
            $"{l.GetProperty("rowLabel").GetString()}: " + string.Join(" ", new[] { "started", "active", "work", "studies-group", "work-or-studies", "other-group" }
                .Select(m => $"{m.Replace("-group", "", StringComparison.Ordinal)} {Count(l, m, "women")}/{Count(l, m, "men")}/{Count(l, m, "total")}")))
            .ToList();

    private static JsonElement Line(JsonElement report, string row, string? column) => report.GetProperty("lines").EnumerateArray()
        .Single(l => l.GetProperty("rowLabel").GetString() == row && (column is null || l.GetProperty("columnLabel").GetString() == column));

    private static JsonElement Measure(JsonElement line, string key) =>
        line.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key);

    private static int? Count(JsonElement line, string measure, string gender)
    {
        var cell = Measure(line, measure).GetProperty(gender);
        return cell.TryGetProperty("count", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : null;
    }
}
