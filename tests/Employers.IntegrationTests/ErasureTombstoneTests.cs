using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>An erased participant stays erased: nothing that arrives later about the id brings it back.</summary>
public sealed class ErasureTombstoneTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    [Fact]
    public async Task Late_events_and_a_new_profile_do_not_make_an_erased_participant_matchable_again()
    {
        var (employerId, employerActor, agency) = await factory.EmployerWithUserAsync();
        var participant = await factory.MatchableParticipantAsync(agency, ProfileBody("7119"), employerActor);
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var profile = $"/api/employers/matching-profiles/{participant}";

        await factory.PublishAndWaitConsumedAsync(new ParticipantErased
        {
            ParticipantId = participant, CollaborationId = Guid.NewGuid(), Reason = ErasureReason.LawfulRequest, ErasedAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(profile)).StatusCode);

        // Out of order or redelivered from Participants: an enrolment and a consent given before the erasure arrive after it.
        await factory.PublishAndWaitConsumedAsync(Enrolment(participant, agency));
        await factory.PublishAndWaitConsumedAsync(new ConsentGiven
        {
            ConsentId = Guid.NewGuid(), ParticipantId = participant, CollaborationId = Guid.NewGuid(),
            Purpose = ConsentPurpose.AnonymousProfileToEmployers, RecipientActorId = employerActor, GivenOn = new DateOnly(2026, 11, 1),
        });
        var rewritten = await staff.PutAsJsonAsync(profile, ProfileBody("7119"));

        Assert.Equal(HttpStatusCode.NotFound, rewritten.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
            Assert.False(await db.ParticipantConsents.AnyAsync(c => c.ParticipantId == participant), "a consent row for the erased id");
            Assert.False(await db.Enrolments.AnyAsync(e => e.ParticipantId == participant), "an enrolment row for the erased id");
            Assert.False(await db.MatchingProfiles.AnyAsync(p => p.ParticipantId == participant), "a profile for the erased id");
        }
        Assert.False(await factory.InIndexAsync(participant));
        var offer = await staff.PublishOfferAsync(OfferBody(employerId, "7119"));
        Assert.DoesNotContain(participant, (await staff.CandidatesAsync(offer, top: 100)).Select(c => c.GetProperty("participantId").GetGuid()));
    }
}
