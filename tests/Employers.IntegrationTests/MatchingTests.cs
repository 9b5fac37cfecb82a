using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

public sealed class MatchingTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    [Fact]
    public async Task An_employer_posts_an_offer_and_receives_ranked_pseudonymous_candidates()
    {
        var (_, employerActor, agency) = await factory.EmployerWithUserAsync();
        // SSYK 2512 is used by no other test in this class, so these three lead the list.
        var best = await factory.MatchableParticipantAsync(agency, ProfileBody("2512", skills: ["truckkort", "svets"]), employerActor);
        var second = await factory.MatchableParticipantAsync(agency, ProfileBody("2512", skills: ["truckkort", "svets"], municipality: "0861"), employerActor); // 85: beyond commute
        var third = await factory.MatchableParticipantAsync(agency, ProfileBody("2512", skills: [], licence: false), employerActor); // 75: no skills, no licence
        var noConsent = await factory.EnrolledParticipantAsync(agency);
        await factory.ClientFor(Roles.Caseworker, agency).PutProfileAsync(noConsent, ProfileBody("2512", skills: ["truckkort", "svets"]));
        var employer = factory.ClientFor(Roles.Employer, employerActor);
        var offer = await employer.PublishOfferAsync(OfferBody(null, "2512", skills: ["truckkort", "svets"]));

        var response = await employer.GetAsync($"/api/offers/{offer}/candidates?top=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        foreach (var id in new[] { best, second, third, noConsent })
            Assert.DoesNotContain(id.ToString(), raw);
        var candidates = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], candidates.Select(c => c.GetProperty("rank").GetInt32()));
        Assert.All(candidates, c => Assert.Matches("^K-[A-Z2-9]{10}$", c.GetProperty("pseudonym").GetString()));
        Assert.All(candidates, c => Assert.False(c.TryGetProperty("participantId", out _)));
        Assert.Equal([100, 85, 75], candidates.Select(c => c.GetProperty("score").GetInt32()));
        var top = candidates[0];
        Assert.Equal(100, top.GetProperty("score").GetInt32());
        Assert.Equal(["svets", "truckkort"], top.GetProperty("skillsMet").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains(top.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "occupation.exact" && r.GetProperty("met").GetBoolean());
        Assert.Contains(candidates[2].GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "driving-licence.missing"
            && !r.GetProperty("met").GetBoolean() && r.GetProperty("text").GetString() == "Körkort krävs men saknas.");

        // Staff see the same ranking with the ids, under the same pseudonyms.
        var staffList = await factory.ClientFor(Roles.Caseworker, agency).CandidatesAsync(offer, top: 3);
        Assert.Equal([best, second, third], staffList.Select(c => c.GetProperty("participantId").GetGuid()));
        Assert.Equal(candidates.Select(c => c.GetProperty("pseudonym").GetString()), staffList.Select(c => c.GetProperty("pseudonym").GetString()));
        Assert.DoesNotContain(noConsent, (await factory.ClientFor(Roles.Caseworker, agency).CandidatesAsync(offer, top: 100))
            .Select(c => c.GetProperty("participantId").GetGuid()));
    }

    [Fact]
    public async Task Another_employers_token_gets_404_for_the_candidates()
    {
        var (_, mine, _) = await factory.EmployerWithUserAsync();
        var (_, theirs, _) = await factory.EmployerWithUserAsync();
        var offer = await factory.ClientFor(Roles.Employer, mine).PublishOfferAsync(OfferBody(null, "3312"));

        var response = await factory.ClientFor(Roles.Employer, theirs).GetAsync($"/api/offers/{offer}/candidates");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_consent_removes_the_candidate()
    {
        var (_, employerActor, agency) = await factory.EmployerWithUserAsync();
        var participant = await factory.EnrolledParticipantAsync(agency);
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        await staff.PutProfileAsync(participant, ProfileBody("5131"));
        var consent = await factory.GiveConsentAsync(participant, recipient: employerActor);
        var offer = await factory.ClientFor(Roles.Employer, employerActor).PublishOfferAsync(OfferBody(null, "5131"));
        await Eventually.Until(async () => (await staff.CandidatesAsync(offer)).Any(c => c.GetProperty("participantId").GetGuid() == participant),
            Deadline, "the consented participant among the candidates");

        await factory.WithdrawConsentAsync(consent, participant);

        await Eventually.Until(async () => (await staff.CandidatesAsync(offer, top: 100)).All(c => c.GetProperty("participantId").GetGuid() != participant),
            Deadline, "the participant to leave the candidates");
        var profile = await staff.GetFromJsonAsync<JsonElement>($"/api/employers/matching-profiles/{participant}");
        Assert.False(profile.GetProperty("matchable").GetBoolean());
    }

    [Fact]
    public async Task A_withdrawal_that_arrives_before_its_grant_keeps_the_profile_out()
    {
        var agency = await factory.KnownActorAsync();
        var participant = await factory.EnrolledParticipantAsync(agency);
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        await staff.PutProfileAsync(participant, ProfileBody("5131"));
        var consent = Guid.NewGuid();
        await factory.WithdrawConsentAsync(consent, participant);
        await Eventually.Until(async () => await ConsentRowAsync(consent) is { WithdrawnAt: not null }, Deadline, "the withdrawal");

        // Waits past the consumer's refresh of the matching index, which runs after its transaction: asserting on the
        // index as soon as the row is written would pass whatever the refresh then did.
        await factory.PublishAndWaitHandledAsync(new ConsentGiven
        {
            ConsentId = consent, ParticipantId = participant, CollaborationId = Guid.NewGuid(),
            Purpose = ConsentPurpose.AnonymousProfileToEmployers, RecipientActorId = Guid.NewGuid(), GivenOn = new DateOnly(2026, 11, 1),
        });
        // The grant is recorded (its date kept) but the withdrawal stands.
        Assert.True(await ConsentRowAsync(consent) is { GivenOn: not null }, "the late grant recorded");
        Assert.False(await factory.ConsentInForceAsync(consent));
        Assert.False(await factory.InIndexAsync(participant));
    }

    private async Task<ParticipantConsent?> ConsentRowAsync(Guid consent)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
        return await db.ParticipantConsents.AsNoTracking().FirstOrDefaultAsync(c => c.ConsentId == consent);
    }

    [Fact]
    public async Task Staff_get_the_offers_ranked_for_a_participant_with_reasons()
    {
        var (employerId, _, agency) = await factory.EmployerWithUserAsync();
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var near = await staff.PublishOfferAsync(OfferBody(employerId, "9411"));
        var far = await staff.PublishOfferAsync(OfferBody(employerId, "9411", municipality: "0180"));
        var participant = await factory.EnrolledParticipantAsync(agency);
        await staff.PutProfileAsync(participant, ProfileBody("9411"));

        var body = await staff.GetFromJsonAsync<JsonElement>($"/api/employers/matching-profiles/{participant}/offers?top=100");

        Assert.False(body.GetProperty("matchable").GetBoolean());
        var offers = body.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("offerId").GetGuid()).ToList();
        Assert.Contains(near, offers);
        Assert.Contains(far, offers);
        Assert.True(offers.IndexOf(near) < offers.IndexOf(far), "the offer in the home municipality ranks above the one in Stockholm");
        var farReasons = body.GetProperty("offers").EnumerateArray().Single(o => o.GetProperty("offerId").GetGuid() == far).GetProperty("reasons");
        Assert.Contains(farReasons.EnumerateArray(), r => r.GetProperty("code").GetString() == "distance.other-county-beyond-commute");
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer).GetAsync($"/api/employers/matching-profiles/{participant}/offers")).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Top_outside_1_to_100_is_a_400_naming_top(int top)
    {
        var (employerId, _, agency) = await factory.EmployerWithUserAsync();
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var offer = await staff.PublishOfferAsync(OfferBody(employerId, "9411"));

        var response = await staff.GetAsync($"/api/offers/{offer}/candidates?top={top}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "top");
    }
}
