using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>ESF+ indicators, the reference comparison, agreements and employer engagement, fed by the other services' events.</summary>
public sealed class FollowUpReportsTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private static Task<JsonElement> GetAsync(HttpClient client, string url) => client.GetFromJsonAsync<JsonElement>(url);

    private static int Count(JsonElement cell) => cell.GetProperty("count").GetInt32();

    [Fact]
    public async Task Esf_indicators_count_entry_facts_and_results_on_leaving()
    {
        var collaboration = Guid.NewGuid();
        var women = Enumerable.Range(0, 6).Select(_ => TestEvents.Enrolled(collaboration, Guid.NewGuid(), Gender.Woman, age: AgeBand.From18To24,
            status: LabourMarketStatus.LongTermUnemployed, education: EducationLevel.UpperSecondaryOrPostSecondary)).ToList();
        await factory.PublishAllAsync(women);
        await factory.PublishAllAsync(women.Select(w => TestEvents.Exited(w, ExitOutcome.SelfEmployment, qualification: true)));

        var report = await GetAsync(factory.ClientFor(Roles.Operator), $"/api/reports/collaborations/{collaboration}/esf-indicators?asOf=2026-12-31");

        var entry = report.GetProperty("atEntry").EnumerateArray().ToDictionary(t => t.GetProperty("dimension").GetString()!);
        var status = entry["labour-market-status"].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "long-term-unemployed");
        Assert.Equal(6, Count(status.GetProperty("women")));
        var age = entry["age-band"].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "18-29");
        Assert.Equal(6, Count(age.GetProperty("total")));
        var results = report.GetProperty("onLeaving").GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(6, Count(results["employed"].GetProperty("women")));
        Assert.Equal(6, Count(results["gained-qualification"].GetProperty("total")));
    }

    [Fact]
    public async Task Comparison_sets_the_work_or_studies_share_beside_a_reference()
    {
        var collaboration = Guid.NewGuid();
        var people = Enumerable.Range(0, 10).Select(i => TestEvents.Enrolled(collaboration, Guid.NewGuid(), i % 2 == 0 ? Gender.Woman : Gender.Man)).ToList();
        await factory.PublishAllAsync(people);
        await factory.PublishAllAsync(people.Select((p, i) => TestEvents.Exited(p, i < 4 ? ExitOutcome.Employment : i < 5 ? ExitOutcome.Studies : ExitOutcome.Other)));
        var admin = factory.ClientFor(Roles.Operator);

        var named = await GetAsync(admin, $"/api/reports/collaborations/{collaboration}/comparison?asOf=2026-12-31");
        Assert.Equal("esf-programme-average", named.GetProperty("reference").GetString());
        var wos = named.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "work-or-studies");
        Assert.Equal(34.0m, wos.GetProperty("referencePercent").GetDecimal());
        Assert.Equal(50.0m, wos.GetProperty("collaboration").GetProperty("total").GetProperty("percent").GetDecimal());
        Assert.Equal(16.0m, wos.GetProperty("differencePoints").GetDecimal());

        var numeric = await GetAsync(admin, $"/api/reports/collaborations/{collaboration}/comparison?asOf=2026-12-31&reference=0.6");
        Assert.Equal(-10.0m, Assert.Single(numeric.GetProperty("rows").EnumerateArray()).GetProperty("differencePoints").GetDecimal());

        var bad = await admin.GetAsync($"/api/reports/collaborations/{collaboration}/comparison?reference=national-average");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Agreements_show_promised_referrals_against_participants_referred_and_assessment_divergence()
    {
        var owner = Guid.NewGuid();
        var partner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var agreement = Guid.NewGuid();
        AgreementSigned Signed(int referrals) => new()
        {
            AgreementId = agreement, CollaborationId = collaboration, ActorId = partner, Version = 1, ValidFrom = new(2026, 1, 1), ValidTo = new(2026, 12, 31),
            Contributions = [new AgreedContribution { Kind = ContributionKind.ParticipantReferrals, Quantity = referrals, Unit = "deltagare" }],
            SignedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
        };
        AssessmentSubmitted Assessment(Guid actor, int score) => new()
        {
            CollaborationId = collaboration, Round = 1, ActorId = actor, Scores = [new CriterionScore { Criterion = AssessmentCriterion.ClearPurpose, Score = score }],
            SubmittedAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
        };
        await factory.PublishAllAsync([
            new ActorRegistered { ActorId = partner, Name = "Försäkringskassan", OrganisationNumber = "2021005521", Sector = ActorSector.Public, Kind = ActorKind.SocialInsurance, RegisteredAt = DateTimeOffset.UtcNow },
            TestEvents.Created(collaboration, owner),
            new MemberJoined { CollaborationId = collaboration, ActorId = partner, Role = MemberRole.Partner, JoinedOn = new(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow },
            Signed(20),
            new AgreementAmended
            {
                AgreementId = agreement, CollaborationId = collaboration, ActorId = partner, Version = 2, ValidFrom = new(2026, 1, 1), ValidTo = new(2026, 12, 31),
                Contributions = [new AgreedContribution { Kind = ContributionKind.ParticipantReferrals, Quantity = 16, Unit = "deltagare" }],
                SignedAt = new DateTimeOffset(2026, 2, 5, 0, 0, 0, TimeSpan.Zero),
            },
            Assessment(owner, 5), Assessment(partner, 2),
            .. Enumerable.Range(0, 8).Select(_ => TestEvents.Enrolled(collaboration, partner, Gender.Woman)),
        ]);

        // The partner's coordinator: a member's coordinator sees its collaboration exactly.
        var report = await GetAsync(factory.ClientFor(Roles.Coordinator, partner), $"/api/reports/collaborations/{collaboration}/agreements?asOf=2026-12-31");

        Assert.True(report.GetProperty("exact").GetBoolean());
        var actor = Assert.Single(report.GetProperty("actors").EnumerateArray());
        Assert.Equal("Försäkringskassan", actor.GetProperty("name").GetString());
        Assert.Equal(2, actor.GetProperty("version").GetInt32());
        var referrals = Assert.Single(actor.GetProperty("contributions").EnumerateArray());
        Assert.Equal(16m, referrals.GetProperty("quantity").GetDecimal());
        Assert.Equal(8, Count(referrals.GetProperty("delivered")));
        Assert.Equal(50.0m, referrals.GetProperty("deliveredPercent").GetDecimal());
        var criterion = Assert.Single(Assert.Single(report.GetProperty("assessments").EnumerateArray()).GetProperty("criteria").EnumerateArray());
        Assert.Equal(3, criterion.GetProperty("spread").GetInt32());
        Assert.True(criterion.GetProperty("divergent").GetBoolean());
    }

    [Fact]
    public async Task Employer_engagement_counts_contacts_offers_placements_and_days_to_first_contact()
    {
        var collaboration = Guid.NewGuid();
        var agency = Guid.NewGuid();
        var employer = Guid.NewGuid();
        var offer = Guid.NewGuid();
        var people = Enumerable.Range(0, 5).Select(_ => TestEvents.Enrolled(collaboration, agency, Gender.Man, start: new DateOnly(2026, 3, 1))).ToList();
        await factory.PublishAllAsync([
            .. people,
            new EmployerRegistered
            {
                EmployerId = employer, Name = "Kalmar Verkstad AB", OrganisationNumber = "5560000002", IndustryCode = "25620", MunicipalityCode = "0880",
                SizeBand = SizeBand.Medium, OwnerActorId = agency, RegisteredAt = DateTimeOffset.UtcNow,
            },
            new ContactLogged { ContactId = Guid.NewGuid(), EmployerId = employer, ActorId = agency, Date = new(2026, 3, 3), Channel = ContactChannel.Phone, Planned = false, LoggedAt = DateTimeOffset.UtcNow },
            new ContactLogged { ContactId = Guid.NewGuid(), EmployerId = employer, ActorId = agency, Date = new(2026, 12, 3), Channel = ContactChannel.Visit, Planned = true, LoggedAt = DateTimeOffset.UtcNow },
            new OfferPublished
            {
                OfferId = offer, EmployerId = employer, Kind = OfferKind.WorkTrial, OccupationCode = "7223", MunicipalityCode = "0880", Places = 5,
                StartDate = new(2026, 4, 1), PublishedByActorId = agency, PublishedAt = new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero),
            },
            // Days to first presentation: 10, 20, 30, 40, 50; a later presentation of the first does not count.
            .. people.Select((p, i) => new CandidatePresented
            {
                PipelineId = Guid.NewGuid(), ParticipantId = p.ParticipantId, OfferId = offer, EmployerId = employer, PilotActorId = agency,
                PresentedOn = new DateOnly(2026, 3, 1).AddDays(10 * (i + 1)), OccurredAt = DateTimeOffset.UtcNow,
            }),
            new CandidatePresented
            {
                PipelineId = Guid.NewGuid(), ParticipantId = people[0].ParticipantId, OfferId = offer, EmployerId = employer, PilotActorId = agency,
                PresentedOn = new DateOnly(2026, 9, 1), OccurredAt = DateTimeOffset.UtcNow,
            },
            .. people.Select(p => new PlacementStarted
            {
                PipelineId = Guid.NewGuid(), ParticipantId = p.ParticipantId, OfferId = offer, EmployerId = employer, PilotActorId = agency,
                OfferKind = OfferKind.WorkTrial, Stage = PipelineStage.Placed, StartDate = new(2026, 4, 1), OccurredAt = DateTimeOffset.UtcNow,
            }),
        ]);

        var report = await GetAsync(factory.ClientFor(Roles.Operator), $"/api/reports/employer-engagement?collaboration={collaboration}&asOf=2026-12-31");

        Assert.Equal(1, report.GetProperty("employersContacted").GetInt32());
        Assert.Equal(1, report.GetProperty("contacts").GetInt32()); // the planned one is not a contact made
        var workTrial = report.GetProperty("offersByKind").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "work-trial");
        Assert.Equal(5, workTrial.GetProperty("places").GetInt32());
        var placed = report.GetProperty("placements").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "work-trial");
        Assert.Equal(5, Count(placed.GetProperty("placed")));
        Assert.Equal(30m, report.GetProperty("daysToFirstContact").GetProperty("medianDays").GetDecimal());
        Assert.Equal(5, Count(report.GetProperty("daysToFirstContact").GetProperty("participants")));
    }
}
