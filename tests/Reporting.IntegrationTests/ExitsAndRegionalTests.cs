using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Reporting.IntegrationTests;

public sealed class ExitsAndRegionalTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement ExitRow(JsonElement summary, string key) =>
        summary.GetProperty("exits").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private static int Count(JsonElement row, string column) => row.GetProperty(column).GetProperty("count").GetInt32();

    [Fact]
    public async Task Exits_change_the_summary_outcomes_shares_target_comparison_and_active()
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var women = Enumerable.Range(0, 10).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman)).ToList();
        var men = Enumerable.Range(0, 6).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Man)).ToList();
        await factory.PublishAllAsync([TestEvents.Created(collaboration, owner, targetShare: 50m), .. women, .. men]);
        await factory.PublishAllAsync([
            .. women.Take(6).Select(w => TestEvents.Exited(w, ExitOutcome.Employment)),
            .. women.Skip(6).Take(2).Select(w => TestEvents.Exited(w, ExitOutcome.Studies)),
            .. men.Take(5).Select(m => TestEvents.Exited(m, ExitOutcome.JobSeeking)),
        ]);

        var summary = await GetJsonAsync(factory.ClientFor(Roles.Coordinator, owner), $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31");

        Assert.Equal(13, Count(summary.GetProperty("exits").GetProperty("totals"), "total"));
        Assert.Equal(6, Count(ExitRow(summary, "employment"), "women"));
        Assert.Equal(75.0m, ExitRow(summary, "work").GetProperty("shares").GetProperty("women").GetProperty("percent").GetDecimal()); // 6 of 8
        Assert.Equal(8, Count(ExitRow(summary, "work-or-studies"), "total"));
        var target = summary.GetProperty("workOrStudiesAgainstTarget");
        Assert.Equal(50m, target.GetProperty("targetPercent").GetDecimal());
        Assert.Equal(61.5m, target.GetProperty("actual").GetProperty("percent").GetDecimal()); // 8 of 13
        Assert.True(target.GetProperty("met").GetBoolean());
        Assert.Equal(2, Count(summary.GetProperty("active"), "women"));
        Assert.Equal(1, Count(summary.GetProperty("active"), "men"));

        // Before the exits' date: no exits yet, everyone active.
        var before = await GetJsonAsync(factory.ClientFor(Roles.Operator), $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-08-31");
        Assert.Equal(0, Count(before.GetProperty("exits").GetProperty("totals"), "total"));
        Assert.Equal(16, Count(before.GetProperty("active"), "total"));
        // A period holding only the exits' month: no one started then, 13 exits.
        var period = await GetJsonAsync(factory.ClientFor(Roles.Operator), $"/api/reports/collaborations/{collaboration}/summary?from=2026-09-01&to=2026-09-30");
        Assert.Equal(0, Count(period.GetProperty("started"), "total"));
        Assert.Equal(13, Count(period.GetProperty("exits").GetProperty("totals"), "total"));
        Assert.Equal(3, Count(period.GetProperty("active"), "total"));
    }

    [Fact]
    public async Task An_exit_that_arrives_before_its_enrolment_is_counted_once_the_enrolment_arrives()
    {
        var collaboration = Guid.NewGuid();
        var enrolled = TestEvents.Enrolled(collaboration, Guid.NewGuid(), Gender.Woman);
        await factory.PublishAllAsync([TestEvents.Exited(enrolled, ExitOutcome.Studies)]);
        await factory.PublishAllAsync([enrolled]);

        var summary = await GetJsonAsync(factory.ClientFor(Roles.Operator), $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31");
        Assert.Equal(1, Count(ExitRow(summary, "studies"), "women"));
        Assert.Equal(0, Count(summary.GetProperty("active"), "total"));
    }

    [Fact]
    public async Task A_correction_that_arrives_before_its_enrolment_is_applied_when_the_enrolment_arrives()
    {
        var collaboration = Guid.NewGuid();
        var enrolled = TestEvents.Enrolled(collaboration, Guid.NewGuid(), Gender.Man);
        await factory.PublishAllAsync([new ParticipantUpdated
        {
            ParticipantId = enrolled.ParticipantId, CollaborationId = collaboration, Gender = Gender.Woman, AgeBand = AgeBand.From30To54,
            MunicipalityCode = "0881", TargetGroups = [TargetGroup.LongTermUnemployed], UpdatedAt = enrolled.EnrolledAt.AddMinutes(5),
        }]);
        await factory.PublishAllAsync([enrolled]);

        var summary = await GetJsonAsync(factory.ClientFor(Roles.Operator), $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31");
        Assert.Equal(1, Count(summary.GetProperty("started"), "women"));
        Assert.Equal(0, Count(summary.GetProperty("started"), "men"));
        var municipality = Assert.Single(summary.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("dimension").GetString() == "municipality").GetProperty("rows").EnumerateArray());
        Assert.Equal("Nybro", municipality.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Monthly_hours_are_set_not_added()
    {
        var collaboration = Guid.NewGuid();
        var enrolled = TestEvents.Enrolled(collaboration, Guid.NewGuid(), Gender.Man);
        MonthlyHoursRecorded Hours(decimal total, int secondsLater) => new()
        {
            ParticipantId = enrolled.ParticipantId, CollaborationId = collaboration, Month = new(2026, 3, 1), TotalHours = total,
            RecordedAt = DateTimeOffset.UtcNow.AddSeconds(secondsLater),
        };
        await factory.PublishAllAsync([enrolled, Hours(10m, 0)]);
        await factory.PublishAllAsync([Hours(25.5m, 10)]);
        await factory.PublishAllAsync([Hours(99m, -10)]); // older, arriving late: ignored

        var summary = await GetJsonAsync(factory.ClientFor(Roles.Operator), $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31");
        var month = Assert.Single(summary.GetProperty("hoursByMonth").EnumerateArray());
        Assert.Equal("2026-03", month.GetProperty("month").GetString());
        Assert.Equal(25.5m, month.GetProperty("hours").GetDecimal());
    }

    [Fact]
    public async Task Regional_view_as_of_a_date_leaves_out_what_started_or_ended_after_it()
    {
        var collaboration = Guid.NewGuid();
        var referrer = Guid.NewGuid();
        // Kiruna (2584), a municipality no other test uses: one woman started in February, one in May, who left in June.
        var february = TestEvents.Enrolled(collaboration, referrer, Gender.Woman, "2584", start: new(2026, 2, 2));
        var may = TestEvents.Enrolled(collaboration, referrer, Gender.Woman, "2584", start: new(2026, 5, 4));
        await factory.PublishAllAsync([february, may, TestEvents.Exited(may, ExitOutcome.Studies, date: new(2026, 6, 15))]);
        var admin = factory.ClientFor(Roles.Operator);

        foreach (var scope in new[] { "", $"&collaboration={collaboration}" })
        {
            var march = Assert.Single((await GetJsonAsync(admin, $"/api/reports/regional?municipality=2584&asOf=2026-03-31{scope}"))
                .GetProperty("municipalities").EnumerateArray());
            Assert.Equal(1, Count(march.GetProperty("started"), "women"));
            Assert.Equal(0, Count(march.GetProperty("exited"), "total"));
            var july = Assert.Single((await GetJsonAsync(admin, $"/api/reports/regional?municipality=2584&asOf=2026-07-01{scope}"))
                .GetProperty("municipalities").EnumerateArray());
            Assert.Equal(2, Count(july.GetProperty("started"), "women"));
            Assert.Equal(1, Count(july.GetProperty("exited"), "women"));
        }
        // Before anyone started there, Kiruna is not in the view at all.
        Assert.Empty((await GetJsonAsync(admin, "/api/reports/regional?municipality=2584&asOf=2026-01-31")).GetProperty("municipalities").EnumerateArray());
    }

    [Fact]
    public async Task Regional_view_compares_municipalities_exact_for_the_operator_and_suppressed_for_others()
    {
        var collaboration = Guid.NewGuid();
        var referrer = Guid.NewGuid();
        // Mörbylånga (0840), a municipality no other test uses: 8 women to work, 6 men of whom 2 to studies.
        var women = Enumerable.Range(0, 8).Select(_ => TestEvents.Enrolled(collaboration, referrer, Gender.Woman, "0840")).ToList();
        var men = Enumerable.Range(0, 6).Select(_ => TestEvents.Enrolled(collaboration, referrer, Gender.Man, "0840")).ToList();
        await factory.PublishAllAsync([.. women, .. men]);
        await factory.PublishAllAsync([.. women.Select(w => TestEvents.Exited(w, ExitOutcome.Employment)), .. men.Take(2).Select(m => TestEvents.Exited(m, ExitOutcome.Studies))]);

        var admin = await GetJsonAsync(factory.ClientFor(Roles.Operator), "/api/reports/regional?municipality=0840&asOf=2026-12-31");
        Assert.True(admin.GetProperty("exact").GetBoolean());
        var m = Assert.Single(admin.GetProperty("municipalities").EnumerateArray());
        Assert.Equal("Mörbylånga", m.GetProperty("name").GetString());
        Assert.Equal(14, Count(m.GetProperty("started"), "total"));
        Assert.Equal(57.1m, m.GetProperty("startedShares").GetProperty("women").GetProperty("percent").GetDecimal());
        var outcomes = m.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("key").GetString()!);
        Assert.Equal(80.0m, outcomes["work"].GetProperty("shares").GetProperty("total").GetProperty("percent").GetDecimal());
        Assert.Equal(100.0m, outcomes["work-or-studies"].GetProperty("shares").GetProperty("total").GetProperty("percent").GetDecimal());
        Assert.Equal(100.0m, outcomes["studies"].GetProperty("shares").GetProperty("men").GetProperty("percent").GetDecimal());

        // An agency's coordinator, across collaborations not all its own, sees small counts and their shares hidden.
        var caseworker = await GetJsonAsync(factory.ClientFor(Roles.Coordinator), "/api/reports/regional?municipality=0840&asOf=2026-12-31");
        Assert.False(caseworker.GetProperty("exact").GetBoolean());
        var suppressed = Assert.Single(caseworker.GetProperty("municipalities").EnumerateArray());
        var studies = suppressed.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("key").GetString() == "studies");
        Assert.True(studies.GetProperty("counts").GetProperty("men").GetProperty("suppressed").GetBoolean());
        Assert.True(studies.GetProperty("shares").GetProperty("men").GetProperty("suppressed").GetBoolean());
    }

    [Theory]
    [InlineData("municipality=9999", "municipality")]
    [InlineData("collaboration=abc", "collaboration")]
    [InlineData("from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("format=pdf", "format")]
    public async Task Bad_regional_input_is_400_naming_the_field(string query, string field)
    {
        var response = await factory.ClientFor(Roles.Operator).GetAsync($"/api/reports/regional?{query}");
        await Problems.AssertBadRequestNaming(response, field);
    }
}
