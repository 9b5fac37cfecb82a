using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// Object-level access to participants (OWASP API1): only the participant's own agency (the referring actor of its
/// enrolment) or an agency a consent in force names as recipient reaches its profile, its candidacies and its pipelines.
/// Anything else is 404, the same answer as for an id nobody enrolled.
/// </summary>
public sealed class ParticipantAccessTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private static string ProfilePath(Guid participant) => $"/api/employers/matching-profiles/{participant}";

    [Fact]
    public async Task Another_agency_can_neither_read_nor_change_a_participants_profile()
    {
        var owner = await factory.KnownActorAsync();
        var participant = await factory.EnrolledParticipantAsync(owner);
        var created = await factory.ClientFor(Roles.Caseworker, owner).PutAsJsonAsync(ProfilePath(participant), ProfileBody("7119"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var other = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kalmar kommun"));
        other.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());

        var read = await other.GetAsync(ProfilePath(participant));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        await read.ProblemAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync(ProfilePath(participant), ProfileBody("5223"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{ProfilePath(participant)}/offers")).StatusCode);
    }

    [Fact]
    public async Task A_profile_for_a_participant_not_known_as_enrolled_is_refused()
    {
        var staff = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var participant = Guid.NewGuid();

        var response = await staff.PutAsJsonAsync(ProfilePath(participant), ProfileBody("7119"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(ProfilePath(participant))).StatusCode);
    }

    [Fact]
    public async Task Another_agency_cannot_squat_a_participants_profile_by_writing_it_first()
    {
        var owner = await factory.KnownActorAsync();
        var participant = await factory.EnrolledParticipantAsync(owner);
        var squatter = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kalmar kommun"));

        Assert.Equal(HttpStatusCode.NotFound, (await squatter.PutAsJsonAsync(ProfilePath(participant), ProfileBody("7119"))).StatusCode);

        var own = await factory.ClientFor(Roles.Caseworker, owner).PutAsJsonAsync(ProfilePath(participant), ProfileBody("7119"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(owner, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ownerActorId").GetGuid());
    }

    [Fact]
    public async Task A_consented_recipient_agency_reads_the_profile_but_only_the_own_agency_changes_it()
    {
        var owner = await factory.KnownActorAsync();
        var recipient = await factory.KnownActorAsync("Försäkringskassan", Contracts.Actors.ActorKind.SocialInsurance);
        var participant = await factory.EnrolledParticipantAsync(owner);
        var created = await factory.ClientFor(Roles.Caseworker, owner).PutAsJsonAsync(ProfilePath(participant), ProfileBody("7119"));
        await factory.GiveConsentAsync(participant, ConsentPurpose.ShareActionPlan, recipient);
        var shared = factory.ClientFor(Roles.Caseworker, recipient);

        Assert.Equal(HttpStatusCode.OK, (await shared.GetAsync(ProfilePath(participant))).StatusCode);
        shared.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        var change = await shared.PutAsJsonAsync(ProfilePath(participant), ProfileBody("5223"));
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        await change.ProblemAsync();
    }

    [Fact]
    public async Task Staff_see_only_their_own_agencys_participants_among_an_offers_candidates()
    {
        var (employerId, employerActor, mine) = await factory.EmployerWithUserAsync();
        var theirs = await factory.KnownActorAsync("Kalmar kommun");
        var own = await factory.MatchableParticipantAsync(mine, ProfileBody("8121"), employerActor);
        var foreign = await factory.MatchableParticipantAsync(theirs, ProfileBody("8121"), employerActor);
        var staff = factory.ClientFor(Roles.Caseworker, mine);
        var offer = await staff.PublishOfferAsync(OfferBody(employerId, "8121"));

        var ids = (await staff.CandidatesAsync(offer, top: 100)).Select(c => c.GetProperty("participantId").GetGuid()).ToList();

        Assert.Contains(own, ids);
        Assert.DoesNotContain(foreign, ids);
    }

    [Fact]
    public async Task Another_agencys_participant_cannot_be_proposed_into_a_pipeline()
    {
        var (employerId, employerActor, owner) = await factory.EmployerWithUserAsync();
        var participant = await factory.MatchableParticipantAsync(owner, ProfileBody("7119"), employerActor);
        var other = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kalmar kommun"));
        var offer = await other.PublishOfferAsync(OfferBody(employerId, "7119"));

        var response = await other.PostAsJsonAsync("/api/employers/pipelines", new { participantId = participant, offerId = offer });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }
}
