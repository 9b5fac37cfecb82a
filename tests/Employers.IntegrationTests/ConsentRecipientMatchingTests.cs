using System.Net;
using System.Net.Http.Json;
using Samverkan.ServiceDefaults.Auth;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// An anonymous-profile consent names its recipient: the profile is matched for that employer's offers only. A class of
/// its own (so a database of its own): the other employer here is named by no consent at all, so its list must be empty.
/// </summary>
public sealed class ConsentRecipientMatchingTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    [Fact]
    public async Task A_consent_towards_one_employer_does_not_expose_the_profile_to_another()
    {
        var (consentedEmployer, consentedActor, agency) = await factory.EmployerWithUserAsync();
        var (_, otherActor, _) = await factory.EmployerWithUserAsync();
        var participant = await factory.MatchableParticipantAsync(agency, ProfileBody("7119"), consentedActor);
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var consentedOffer = await staff.PublishOfferAsync(OfferBody(consentedEmployer, "7119"));
        var other = factory.ClientFor(Roles.Employer, otherActor);
        var otherOffer = await other.PublishOfferAsync(OfferBody(null, "7119"));

        Assert.Contains(participant, (await staff.CandidatesAsync(consentedOffer)).Select(c => c.GetProperty("participantId").GetGuid()));
        Assert.Single(await factory.ClientFor(Roles.Employer, consentedActor).CandidatesAsync(consentedOffer));
        Assert.DoesNotContain(participant, (await staff.CandidatesAsync(otherOffer)).Select(c => c.GetProperty("participantId").GetGuid()));
        Assert.Empty(await other.CandidatesAsync(otherOffer));
        var proposed = await staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = participant, offerId = otherOffer });
        Assert.Equal(HttpStatusCode.Conflict, proposed.StatusCode);
    }
}
