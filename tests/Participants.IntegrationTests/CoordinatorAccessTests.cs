using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>
/// The collaboration's coordinators (role coordinator, agency = the owner actor Actors named) see its participants,
/// identifying data included and audited; other member agencies and the owner's caseworkers do not (404).
/// </summary>
public sealed class CoordinatorAccessTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    private async Task<(Guid Owner, Guid Partner, Guid Collaboration, Guid Participant)> PartnerReferredAsync(string number)
    {
        var owner = await factory.KnownActorAsync("Kommunen");
        var partner = await factory.KnownActorAsync("Arbetsförmedlingen");
        var collaboration = Guid.NewGuid();
        await factory.MemberAsync(collaboration, owner); // the first member asked for is the owner
        var participant = await AuthorizationTests.EnrolAsync(factory.ClientFor(Roles.Caseworker, partner),
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = number, Name = "Greta Samordnad" });
        return (owner, partner, collaboration, participant);
    }

    [Fact]
    public async Task The_owners_coordinator_reads_identifying_data_of_a_partners_participant_and_the_read_is_audited()
    {
        var (owner, _, _, participant) = await PartnerReferredAsync("811218-9876");
        var coordinator = factory.ClientFor(Roles.Coordinator, owner);

        var plain = await coordinator.GetAsync($"/api/participants/{participant}");
        var identifying = await coordinator.GetFromJsonAsync<JsonElement>($"/api/participants/{participant}?reason=steering%20group%20follow-up");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("19811218-9876", identifying.GetProperty("personalIdentityNumber").GetString());
        Assert.Equal("Greta Samordnad", identifying.GetProperty("name").GetString());
        var audit = await factory.WithDbAsync(db => db.IdentityAccessLog.AsNoTracking().SingleAsync(a => a.ParticipantId == participant));
        Assert.Equal(owner, audit.AgencyId);
        Assert.Equal(Roles.Coordinator, audit.Role);
        Assert.Equal("steering group follow-up", audit.Reason);
    }

    [Fact]
    public async Task Another_member_agencys_coordinator_and_the_owners_caseworker_get_404()
    {
        var (owner, _, collaboration, participant) = await PartnerReferredAsync("121212-1212");
        var third = await factory.KnownActorAsync("Försäkringskassan");
        await factory.MemberAsync(collaboration, third);

        foreach (var stranger in new[] { factory.ClientFor(Roles.Coordinator, third), factory.ClientFor(Roles.Caseworker, owner) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/participants/{participant}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/participants/{participant}?reason=curious")).StatusCode);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.IdentityAccessLog.CountAsync(a => a.ParticipantId == participant)));
    }

    [Fact]
    public async Task The_owners_coordinator_lists_the_collaborations_participants_and_a_partners_coordinator_only_its_own()
    {
        var (owner, partner, collaboration, participant) = await PartnerReferredAsync("850709-9862");

        var asOwner = await factory.ClientFor(Roles.Coordinator, owner).GetFromJsonAsync<JsonElement>($"/api/participants?collaborationId={collaboration}");
        var asPartner = await factory.ClientFor(Roles.Coordinator, partner).GetFromJsonAsync<JsonElement>($"/api/participants?collaborationId={collaboration}");
        var asOwnersCaseworker = await factory.ClientFor(Roles.Caseworker, owner).GetFromJsonAsync<JsonElement>($"/api/participants?collaborationId={collaboration}");

        Assert.Equal([participant], asOwner.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal([participant], asPartner.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(0, asOwnersCaseworker.GetProperty("total").GetInt32());
        Assert.DoesNotContain("9862", asOwner.ToString());
    }
}
