using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

public sealed class PipelinesTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private sealed record Setup(Guid EmployerId, Guid EmployerActor, Guid Agency, Guid Offer, Guid Participant, HttpClient Staff);

    private async Task<Setup> SetupAsync()
    {
        var (employerId, employerActor, agency) = await factory.EmployerWithUserAsync();
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var offer = await staff.PublishOfferAsync(OfferBody(employerId, "7119"));
        var participant = await factory.MatchableParticipantAsync(agency, ProfileBody("7119"), employerActor);
        return new Setup(employerId, employerActor, agency, offer, participant, staff);
    }

    private static async Task<Guid> ProposeAsync(Setup s, string on = "2026-11-02")
    {
        var response = await s.Staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = s.Participant, offerId = s.Offer, proposedOn = on });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid pipeline, string stage, string date) =>
        client.PostAsJsonAsync($"/api/employers/pipelines/{pipeline}/moves", new { stage, date });

    [Fact]
    public async Task A_pipeline_moves_all_the_way_with_dates_and_events()
    {
        var s = await SetupAsync();
        var id = await ProposeAsync(s);

        foreach (var (stage, date) in new[] { ("presented-to-employer", "2026-11-03"), ("interview", "2026-11-10"), ("placed", "2026-12-01"), ("employed", "2027-03-01"), ("ended", "2028-01-31") })
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(s.Staff, id, stage, date)).StatusCode);

        var read = await s.Staff.GetFromJsonAsync<JsonElement>($"/api/employers/pipelines/{id}");
        Assert.Equal("ended", read.GetProperty("stage").GetString());
        Assert.Equal("employed", read.GetProperty("lastStage").GetString());
        Assert.Equal("2026-12-01", read.GetProperty("placedOn").GetString());
        Assert.Equal(s.Participant, read.GetProperty("participantId").GetGuid());
        Assert.Single(await factory.OutboxBodiesAsync("CandidateProposed"), b => b.Contains(id.ToString()));
        Assert.Single(await factory.OutboxBodiesAsync("CandidatePresented"), b => b.Contains(id.ToString()));
        var started = (await factory.OutboxBodiesAsync("PlacementStarted")).Where(b => b.Contains(id.ToString())).ToList();
        Assert.Equal(2, started.Count);
        var placed = started.Select(b => JsonDocument.Parse(b).RootElement).Single(b => b.GetProperty("stage").GetString() == "placed");
        Assert.Equal("internship", placed.GetProperty("offerKind").GetString());
        Assert.Equal("2026-12-01", placed.GetProperty("startDate").GetString());
        var ended = Assert.Single(await factory.OutboxBodiesAsync("PlacementEnded"), b => b.Contains(id.ToString()));
        Assert.Equal("employed", JsonDocument.Parse(ended).RootElement.GetProperty("lastStage").GetString());
    }

    [Fact]
    public async Task Illegal_moves_are_409_and_dates_before_the_current_stage_400()
    {
        var s = await SetupAsync();
        var id = await ProposeAsync(s);

        var skip = await MoveAsync(s.Staff, id, "employed", "2026-11-05");
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Equal("proposed", (await skip.ProblemAsync()).GetProperty("stage").GetString());
        var early = await MoveAsync(s.Staff, id, "presented-to-employer", "2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Problems.AssertNamesField(await early.ProblemAsync(), "date");
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(s.Staff, id, "ended", "2026-11-05")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(s.Staff, id, "presented-to-employer", "2026-11-06")).StatusCode);
    }

    [Fact]
    public async Task Proposing_needs_an_open_offer_a_consent_and_no_open_pipeline_for_the_pair()
    {
        var s = await SetupAsync();
        await ProposeAsync(s);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = s.Participant, offerId = s.Offer })).StatusCode);

        var unconsented = await factory.EnrolledParticipantAsync(s.Agency);
        await s.Staff.PutProfileAsync(unconsented, ProfileBody("7119"));
        Assert.Equal(HttpStatusCode.Conflict, (await s.Staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = unconsented, offerId = s.Offer })).StatusCode);

        var closed = await s.Staff.PublishOfferAsync(OfferBody(s.EmployerId, "7119"));
        await s.Staff.PostAsync($"/api/offers/{closed}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, (await s.Staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = s.Participant, offerId = closed })).StatusCode);

        var unknown = await s.Staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = s.Participant, offerId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Problems.AssertNamesField(await unknown.ProblemAsync(), "offerId");
    }

    [Fact]
    public async Task Another_agency_cannot_see_or_move_a_pilots_pipeline()
    {
        var s = await SetupAsync();
        var id = await ProposeAsync(s);
        var other = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kalmar kommun"));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/employers/pipelines/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync(other, id, "presented-to-employer", "2026-11-03")).StatusCode);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/employers/pipelines");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_employer_sees_its_candidates_pseudonymously_until_identity_is_disclosed_to_it()
    {
        var s = await SetupAsync();
        var id = await ProposeAsync(s);
        var employer = factory.ClientFor(Roles.Employer, s.EmployerActor);
        var candidates = await s.Staff.CandidatesAsync(s.Offer, top: 100);
        var pseudonym = candidates.Single(c => c.GetProperty("participantId").GetGuid() == s.Participant).GetProperty("pseudonym").GetString();

        var hidden = await employer.GetAsync($"/api/employers/pipelines/{id}");
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        var raw = await hidden.Content.ReadAsStringAsync();
        Assert.DoesNotContain(s.Participant.ToString(), raw);
        var body = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(pseudonym, body.GetProperty("pseudonym").GetString());
        Assert.False(body.GetProperty("identityDisclosed").GetBoolean());
        Assert.False(body.TryGetProperty("pilot", out _));

        // Consent to disclose to another employer does not count; to this one it does.
        await factory.GiveConsentAsync(s.Participant, ConsentPurpose.DiscloseIdentityToEmployer, Guid.NewGuid());
        Assert.DoesNotContain(s.Participant.ToString(), await employer.GetStringAsync($"/api/employers/pipelines/{id}"));
        await factory.GiveConsentAsync(s.Participant, ConsentPurpose.DiscloseIdentityToEmployer, s.EmployerActor);
        var shown = await employer.GetFromJsonAsync<JsonElement>("/api/employers/pipelines");
        var mine = Assert.Single(shown.GetProperty("items").EnumerateArray());
        Assert.Equal(s.Participant, mine.GetProperty("participantId").GetGuid());
        Assert.True(mine.GetProperty("identityDisclosed").GetBoolean());

        var (_, otherEmployer, _) = await factory.EmployerWithUserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Employer, otherEmployer).GetAsync($"/api/employers/pipelines/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.PostAsJsonAsync($"/api/employers/pipelines/{id}/moves", new { stage = "interview", date = "2026-11-10" })).StatusCode);
    }

    [Fact]
    public async Task Support_is_due_monthly_in_the_first_year_until_a_contact_is_logged()
    {
        var s = await SetupAsync();
        var id = await ProposeAsync(s, "2026-01-05");
        await MoveAsync(s.Staff, id, "presented-to-employer", "2026-01-06");
        var before = await s.Staff.PostAsJsonAsync($"/api/employers/pipelines/{id}/support-contacts", new { date = "2026-01-07", with = "employer", channel = "phone" });
        Assert.Equal(HttpStatusCode.Conflict, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(s.Staff, id, "placed", "2026-01-12")).StatusCode);

        var due = await s.Staff.GetFromJsonAsync<JsonElement>("/api/employers/pipelines/support-due?asOf=2026-03-01");
        var item = Assert.Single(due.EnumerateArray(), d => d.GetProperty("pipelineId").GetGuid() == id);
        Assert.Equal(48, item.GetProperty("daysSinceLastContact").GetInt32());

        var logged = await s.Staff.PostAsJsonAsync($"/api/employers/pipelines/{id}/support-contacts",
            new { date = "2026-02-20", with = "participant", channel = "meeting", notes = "Trivs bra." });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        Assert.DoesNotContain((await s.Staff.GetFromJsonAsync<JsonElement>("/api/employers/pipelines/support-due?asOf=2026-03-01")).EnumerateArray(),
            d => d.GetProperty("pipelineId").GetGuid() == id);
        Assert.Contains((await s.Staff.GetFromJsonAsync<JsonElement>("/api/employers/pipelines/support-due?asOf=2026-03-21")).EnumerateArray(),
            d => d.GetProperty("pipelineId").GetGuid() == id);
        Assert.DoesNotContain((await s.Staff.GetFromJsonAsync<JsonElement>("/api/employers/pipelines/support-due?asOf=2027-01-12")).EnumerateArray(),
            d => d.GetProperty("pipelineId").GetGuid() == id);
        var contacts = await s.Staff.GetFromJsonAsync<JsonElement>($"/api/employers/pipelines/{id}/support-contacts");
        Assert.Equal("Trivs bra.", Assert.Single(contacts.EnumerateArray()).GetProperty("notes").GetString());
    }

    [Fact]
    public async Task Indicators_count_the_pilots_work_with_the_enrolment_date_from_Participants()
    {
        var s = await SetupAsync();
        await factory.PublishAsync(new ParticipantEnrolled
        {
            ParticipantId = s.Participant, CollaborationId = Guid.NewGuid(), Gender = Gender.Woman, MunicipalityCode = "0880",
            ReferringActorId = s.Agency, ReferralDate = new DateOnly(2026, 2, 20), TargetGroups = [], StartDate = new DateOnly(2026, 2, 23),
            EnrolledAt = DateTimeOffset.UtcNow,
        });
        var id = await ProposeAsync(s, "2026-03-02");
        await MoveAsync(s.Staff, id, "presented-to-employer", "2026-03-05");
        await MoveAsync(s.Staff, id, "placed", "2026-03-09");

        var row = await Eventually.Until(async () =>
            {
                var body = await s.Staff.GetFromJsonAsync<JsonElement>("/api/employers/pilots/indicators?from=2026-03-01&to=2026-03-28");
                return Assert.Single(body.GetProperty("pilots").EnumerateArray());
            },
            r => r.TryGetProperty("averageDaysEnrolmentToFirstEmployerContact", out _), Deadline, "the enrolment to be consumed");

        Assert.Equal(s.Agency, row.GetProperty("pilotActorId").GetGuid());
        Assert.Equal(1, row.GetProperty("caseload").GetInt32());
        Assert.Equal(1, row.GetProperty("employerContacts").GetInt32());
        Assert.Equal(0.25m, row.GetProperty("employerContactsPerWeek").GetDecimal());
        Assert.Equal(10m, row.GetProperty("averageDaysEnrolmentToFirstEmployerContact").GetDecimal());
        Assert.Equal(1m, row.GetProperty("sharePlaced").GetDecimal());
        var missing = await s.Staff.GetAsync("/api/employers/pilots/indicators?from=2026-03-01");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task An_exit_to_work_ends_the_open_pipelines_but_not_the_employment()
    {
        var s = await SetupAsync();
        var open = await ProposeAsync(s);
        var otherOffer = await s.Staff.PublishOfferAsync(OfferBody(s.EmployerId, "7119"));
        var employed = await ProposeAsync(s with { Offer = otherOffer });
        await MoveAsync(s.Staff, employed, "presented-to-employer", "2026-11-03");
        await MoveAsync(s.Staff, employed, "interview", "2026-11-04");
        await MoveAsync(s.Staff, employed, "employed", "2026-11-10");

        await factory.PublishAsync(new ParticipantExited
        {
            ParticipantId = s.Participant, CollaborationId = Guid.NewGuid(), ExitDate = new DateOnly(2026, 11, 15),
            Outcome = ExitOutcome.Employment, GainedQualification = false, ExitedAt = DateTimeOffset.UtcNow,
        });

        var ended = await Eventually.Until(() => s.Staff.GetFromJsonAsync<JsonElement>($"/api/employers/pipelines/{open}"),
            p => p.GetProperty("stage").GetString() == "ended", Deadline, "the open pipeline to end");
        Assert.Equal("2026-11-15", ended.GetProperty("endedOn").GetString());
        Assert.Equal("proposed", ended.GetProperty("lastStage").GetString());
        Assert.Contains(await factory.OutboxBodiesAsync("PlacementEnded"), b => b.Contains(open.ToString()));
        Assert.Equal("employed", (await s.Staff.GetFromJsonAsync<JsonElement>($"/api/employers/pipelines/{employed}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task An_erased_participant_loses_profile_and_pipeline_links()
    {
        var s = await SetupAsync();
        var id = await ProposeAsync(s);

        await factory.PublishAsync(new ParticipantErased
        {
            ParticipantId = s.Participant, CollaborationId = Guid.NewGuid(), Reason = Enum.GetValues<ErasureReason>()[0], ErasedAt = DateTimeOffset.UtcNow,
        });

        // The profile answers 404 as soon as the erasure is committed; the in-memory matching index follows after the
        // commit, so the test waits for both.
        await Eventually.Until(async () => (await s.Staff.GetAsync($"/api/employers/matching-profiles/{s.Participant}")).StatusCode == HttpStatusCode.NotFound
                                           && !await factory.InIndexAsync(s.Participant),
            Deadline, "the profile to be purged and out of the matching index");
        var pipeline = await s.Staff.GetFromJsonAsync<JsonElement>($"/api/employers/pipelines/{id}");
        Assert.False(pipeline.TryGetProperty("participantId", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await MoveAsync(s.Staff, id, "presented-to-employer", "2026-11-03")).StatusCode);
    }
}
