using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Actors.IntegrationTests.RequestData;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>
/// Co-financing through the real service, database and broker: the plan under its ETag, hours from Participants' events
/// (set not added, erased participants counted but unlinked), the report and the governance warning. The collaborations
/// run 2026–2027 and hours are recorded January to November 2026, so the figures hold on any date from December 2026 on.
/// </summary>
public sealed class CoFinancingTests(IsolatedBrokerActorsApiFactory factory) : IClassFixture<IsolatedBrokerActorsApiFactory>
{
    private static readonly DateTimeOffset Recorded = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static object Plan(Guid partner, decimal partnerHours, Guid owner) => new
    {
        lines = new object[]
        {
            new { year = 2026, actorId = partner, benefitType = "activity-support", hours = partnerHours },
            // 90 000 SEK at 150 SEK an hour: 600 hours.
            new { year = 2026, actorId = owner, benefitType = "financial-assistance", amount = 90_000, hourlyValue = 150 },
        },
    };

    private async Task<(Guid Collaboration, Guid Owner, Guid Partner)> CollaborationWithPlanAsync(decimal partnerHours)
    {
        var partner = await factory.RegisterActorAsync();
        var (collaboration, owner) = await factory.CreateCollaborationAsync(partner);
        var response = await factory.ClientFor(Roles.Coordinator, owner).SendAsync(
            WithIfMatch(HttpMethod.Put, $"/api/collaborations/{collaboration}/co-financing/plan", Plan(partner, partnerHours, owner), "\"0\""));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (collaboration, owner, partner);
    }

    private static MonthlyHoursRecorded Hours(Guid collaboration, Guid participant, int month, decimal total, BenefitType? benefit, DateTimeOffset? at = null) => new()
    {
        ParticipantId = participant, CollaborationId = collaboration, Month = new DateOnly(2026, month, 1), TotalHours = total,
        BenefitAtStart = benefit, RecordedAt = at ?? Recorded,
    };

    private async Task DeliverAsync(IEnumerable<object> messages)
    {
        var ids = new List<Guid>();
        foreach (var message in messages)
        {
            ids.Add(Guid.NewGuid());
            await factory.PublishAsync((dynamic)message, ids[^1]);
        }
        await Eventually.Until(() => factory.InboxHoldsAsync(ids), TimeSpan.FromSeconds(30), $"{ids.Count} events consumed");
    }

    /// <summary>January to November 2026, <paramref name="hours"/> a month.</summary>
    private static IEnumerable<object> MonthlyFrom(Guid collaboration, Guid participant, decimal hours, BenefitType? benefit) =>
        Enumerable.Range(1, 11).Select(m => (object)Hours(collaboration, participant, m, hours, benefit));

    private async Task<JsonElement> ActorYearAsync(Guid collaboration, Guid owner, Guid actor)
    {
        var report = await factory.ClientFor(Roles.Coordinator, owner).GetFromJsonAsync<JsonElement>($"/api/collaborations/{collaboration}/co-financing");
        var year = report.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == 2026);
        return year.GetProperty("actors").EnumerateArray().Single(a => a.GetProperty("actorId").GetGuid() == actor);
    }

    private async Task<List<JsonElement>> CoFinancingWarningsAsync(Guid collaboration, Guid agency, string role = Roles.Coordinator) =>
        (await factory.ClientFor(role, agency).GetFromJsonAsync<JsonElement>($"/api/collaborations/{collaboration}/governance/warnings"))
        .GetProperty("warnings").EnumerateArray().Where(w => w.GetProperty("kind").GetString() == "co-financing-behind-plan").ToList();

    [Fact]
    public async Task A_partner_falling_behind_its_hours_is_forecast_short_and_warned_about_and_the_owner_on_track_is_not()
    {
        var (collaboration, owner, partner) = await CollaborationWithPlanAsync(partnerHours: 1200);
        var behind = Guid.NewGuid();
        var onTrack = Guid.NewGuid();
        var unknownBenefit = Guid.NewGuid();
        await DeliverAsync(MonthlyFrom(collaboration, behind, 60, BenefitType.ActivitySupport)
            .Concat(MonthlyFrom(collaboration, onTrack, 55, BenefitType.FinancialAssistance))
            // March's total corrected from 10 to 60, and the old 10 arriving again late: set by the latest recording, never added.
            .Append(Hours(collaboration, behind, 3, 10, BenefitType.ActivitySupport, Recorded.AddDays(-1)))
            .Append(Hours(collaboration, unknownBenefit, 3, 7, null)));

        var partnerYear = await ActorYearAsync(collaboration, owner, partner);
        Assert.Equal(1200m, partnerYear.GetProperty("plannedHours").GetDecimal());
        Assert.Equal(660m, partnerYear.GetProperty("recordedHours").GetDecimal());
        Assert.Equal(60m, partnerYear.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == "2026-03-01").GetProperty("hours").GetDecimal());
        Assert.True(partnerYear.GetProperty("forecastHours").GetDecimal() <= 720m); // 660, and December at the pace of 60 if not yet over
        Assert.True(partnerYear.GetProperty("shortfallShare").GetDecimal() >= 0.4m);
        Assert.True(partnerYear.GetProperty("behindPlan").GetBoolean());

        var ownerYear = await ActorYearAsync(collaboration, owner, owner);
        Assert.Equal(600m, ownerYear.GetProperty("plannedHours").GetDecimal());
        Assert.Equal(605m, ownerYear.GetProperty("recordedHours").GetDecimal());
        Assert.False(ownerYear.GetProperty("behindPlan").GetBoolean());

        var report = await factory.ClientFor(Roles.Coordinator, owner).GetFromJsonAsync<JsonElement>($"/api/collaborations/{collaboration}/co-financing");
        var unattributed = Assert.Single(report.GetProperty("unattributed").EnumerateArray());
        Assert.Equal(7m, unattributed.GetProperty("hours").GetDecimal());
        Assert.False(unattributed.TryGetProperty("benefit", out var benefit) && benefit.ValueKind != JsonValueKind.Null); // unknown benefit
        Assert.Contains("Pace =", report.GetProperty("forecastRule").GetString());

        var warning = Assert.Single(await CoFinancingWarningsAsync(collaboration, owner));
        Assert.Equal(partner, warning.GetProperty("actorId").GetGuid());
        Assert.Equal(2026, warning.GetProperty("year").GetInt32());
        Assert.StartsWith("Medfinansieringen 2026 ligger efter plan", warning.GetProperty("message").GetProperty("sv").GetString());
        // A caseworker reads the governance warnings but not co-financing figures (403 on the report), so not this one.
        Assert.Empty(await CoFinancingWarningsAsync(collaboration, partner, Roles.Caseworker));
        Assert.Single(await CoFinancingWarningsAsync(collaboration, partner, Roles.Admin));
    }

    [Fact]
    public async Task A_collaboration_on_track_has_no_co_financing_warning()
    {
        var (collaboration, owner, partner) = await CollaborationWithPlanAsync(partnerHours: 600);
        await DeliverAsync(MonthlyFrom(collaboration, Guid.NewGuid(), 60, BenefitType.ActivitySupport)
            .Concat(MonthlyFrom(collaboration, Guid.NewGuid(), 55, BenefitType.FinancialAssistance)));

        var partnerYear = await ActorYearAsync(collaboration, owner, partner);
        Assert.Equal(660m, partnerYear.GetProperty("recordedHours").GetDecimal());
        Assert.Equal(0m, partnerYear.GetProperty("shortfallShare").GetDecimal());
        Assert.False(partnerYear.GetProperty("behindPlan").GetBoolean());
        Assert.Empty(await CoFinancingWarningsAsync(collaboration, owner));
    }

    [Fact]
    public async Task An_erased_participants_final_hours_keep_counting_under_no_id_and_later_events_about_it_are_dropped()
    {
        var (collaboration, owner, partner) = await CollaborationWithPlanAsync(partnerHours: 1200);
        var erased = Guid.NewGuid();
        await DeliverAsync([Hours(collaboration, erased, 1, 40, BenefitType.ActivitySupport), Hours(collaboration, erased, 2, 40, BenefitType.ActivitySupport)]);

        // The erasure restates the final state, March included, which never arrived on its own.
        await DeliverAsync([new ParticipantErased
        {
            ParticipantId = erased, CollaborationId = collaboration, Reason = ErasureReason.LawfulRequest, ErasedAt = Recorded,
            MonthlyHours = [.. Enumerable.Range(1, 3).Select(m => Hours(collaboration, erased, m, m == 3 ? 30 : 40, BenefitType.ActivitySupport))],
        }]);
        await DeliverAsync([Hours(collaboration, erased, 4, 50, BenefitType.ActivitySupport, Recorded.AddHours(1))]);

        Assert.Equal(110m, (await ActorYearAsync(collaboration, owner, partner)).GetProperty("recordedHours").GetDecimal());
        Assert.False(await factory.HoldsAnywhereAsync(erased));
    }

    [Fact]
    public async Task Coordinators_and_admins_of_members_and_the_operator_read_it_caseworkers_and_employers_are_403_and_others_404()
    {
        var outsider = await factory.RegisterActorAsync();
        var (collaboration, owner, partner) = await CollaborationWithPlanAsync(partnerHours: 1200);
        foreach (var path in new[] { "", "/plan" })
        {
            var url = $"/api/collaborations/{collaboration}/co-financing{path}";
            Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Coordinator, partner).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Admin, owner).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Operator, Guid.Empty).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Caseworker, owner).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer, owner).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Coordinator, outsider).GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Coordinator, owner).GetAsync($"/api/collaborations/{Guid.NewGuid()}/co-financing{path}")).StatusCode);
        }
        var plan = $"/api/collaborations/{collaboration}/co-financing/plan";
        var etag = await factory.ClientFor(Roles.Coordinator, owner).ETagAsync(plan);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Coordinator, partner).SendAsync(WithIfMatch(HttpMethod.Put, plan, Plan(partner, 1, owner), etag))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Coordinator, outsider).SendAsync(WithIfMatch(HttpMethod.Put, plan, Plan(partner, 1, owner), etag))).StatusCode);
    }

    [Fact]
    public async Task The_plan_is_replaced_under_its_etag_and_a_stale_one_is_412()
    {
        var (collaboration, owner, partner) = await CollaborationWithPlanAsync(partnerHours: 1200);
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var url = $"/api/collaborations/{collaboration}/co-financing/plan";
        var etag = await client.ETagAsync(url);

        var set = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Plan(partner, 900, owner), etag));
        var stale = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Plan(partner, 800, owner), etag));
        var missing = await client.SendAsync(WithIfMatch(HttpMethod.Put, url, Plan(partner, 800, owner), null));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>(url);
        var lines = read.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(900m, lines.Single(l => l.GetProperty("actorId").GetGuid() == partner).GetProperty("plannedHours").GetDecimal());
        Assert.Equal(600m, lines.Single(l => l.GetProperty("actorId").GetGuid() == owner).GetProperty("plannedHours").GetDecimal());
    }

    [Fact]
    public async Task The_collaborations_period_cannot_be_cut_to_leave_planned_years_outside_it()
    {
        var (collaboration, owner, _) = await CollaborationWithPlanAsync(partnerHours: 1200);
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var url = $"/api/collaborations/{collaboration}";
        var body = CollaborationTestData.ValidPlan();
        body["startDate"] = "2027-01-01";

        await Problems.AssertBadRequestNaming(await client.SendAsync(CollaborationTestData.Put(url, body, await client.ETagAsync(url))), "startDate");
    }

    public static TheoryData<string, string> BadPlans => new()
    {
        { """{"lines":[{"year":2026,"actorId":"PARTNER","benefitType":"pension","hours":10}]}""", "lines[0].benefitType" },
        { """{"lines":[{"year":2026,"actorId":"PARTNER","benefitType":"ActivitySupport","hours":10}]}""", "lines[0].benefitType" },
        { """{"lines":[{"year":2026,"actorId":"PARTNER","benefitType":1,"hours":10}]}""", "lines[0].benefitType" },
        { """{"lines":[{"year":2026,"actorId":"PARTNER","hours":10}]}""", "lines[0].benefitType" },
        { """{"lines":[{"year":2026,"actorId":"PARTNER","benefitType":"activity-support","hours":-1}]}""", "lines[0].hours" },
        { """{"lines":[{"year":2026,"actorId":"PARTNER","benefitType":"activity-support","hours":"many"}]}""", "lines[0].hours" },
        { """{"lines":[{"year":2025,"actorId":"PARTNER","benefitType":"activity-support","hours":10}]}""", "lines[0].year" },
        { """{"lines":[{"year":2026,"actorId":"STRANGER","benefitType":"activity-support","hours":10}]}""", "lines[0].actorId" },
        { """{"lines":[{"year":2026,"actorId":"PARTNER","benefitType":"activity-support","amount":1000,"hourlyValue":0}]}""", "lines[0].hourlyValue" },
        { """{"lines":[{"year":2026,"actorId":"PARTNER","benefitType":"activity-support","amount":1000}]}""", "lines[0].hourlyValue" },
        { """{"lines":[null]}""", "lines[0]" },
        { """{}""", "lines" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_bad_plan_is_400_naming_the_field(string body, string field)
    {
        var (collaboration, owner, partner) = await CollaborationWithPlanAsync(partnerHours: 1200);
        var stranger = await factory.RegisterActorAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        var url = $"/api/collaborations/{collaboration}/co-financing/plan";
        var put = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = RawJson.Of(body.Replace("STRANGER", stranger.ToString()).Replace("PARTNER", partner.ToString())),
        };
        put.Headers.TryAddWithoutValidation("If-Match", await client.ETagAsync(url));
        await Problems.AssertBadRequestNaming(await client.SendAsync(put), field);
    }
}
