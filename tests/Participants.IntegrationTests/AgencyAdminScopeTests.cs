using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>An agency's admin manages its own agency's records only; the platform operator keeps the platform-wide operations.</summary>
public sealed class AgencyAdminScopeTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task An_agency_admin_cannot_read_another_agencys_participants_or_their_identities()
    {
        var collaboration = Guid.NewGuid();
        var (mine, _, participant) = await Journey.EnrolledAsync(factory, new EnrolBody { CollaborationId = collaboration, Name = "Greta Gräns" });
        var otherAdmin = factory.ClientFor(Roles.Admin, await factory.KnownActorAsync("Kommunen"));
        var ownAdmin = factory.ClientFor(Roles.Admin, mine);

        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/participants/{participant}?reason=curious")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync($"/api/participants/{participant}/export")).StatusCode);
        var list = await otherAdmin.GetFromJsonAsync<JsonElement>($"/api/participants?collaborationId={collaboration}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());

        var own = await (await ownAdmin.GetAsync($"/api/participants/{participant}?reason=data%20subject%20request")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Greta Gräns", own.GetProperty("name").GetString());
        Assert.Equal(1, (await ownAdmin.GetFromJsonAsync<JsonElement>($"/api/participants?collaborationId={collaboration}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_agency_admin_sees_only_its_own_agencys_audit_entries_while_the_operator_sees_all()
    {
        var (mine, caseworker, participant) = await Journey.EnrolledAsync(factory);
        await (await caseworker.GetAsync($"/api/participants/{participant}?reason=planning")).JsonAsync(HttpStatusCode.OK);
        var url = $"/api/participants/audit?participantId={participant}";

        var other = await (await factory.ClientFor(Roles.Admin, await factory.KnownActorAsync("Kommunen")).GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        var own = await (await factory.ClientFor(Roles.Admin, mine).GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        var platform = await (await factory.ClientFor(Roles.Operator).GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        var otherUnfiltered = await (await factory.ClientFor(Roles.Admin, await factory.KnownActorAsync("Regionen")).GetAsync("/api/participants/audit?pageSize=200"))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, other.GetProperty("total").GetInt32());
        Assert.DoesNotContain(otherUnfiltered.GetProperty("items").EnumerateArray(), e => e.GetProperty("participantId").GetGuid() == participant);
        Assert.Equal(1, own.GetProperty("total").GetInt32());
        Assert.Equal(1, platform.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_agency_admin_cannot_erase_another_agencys_participant_while_the_operator_can()
    {
        var (_, _, participant) = await Journey.EnrolledAsync(factory);
        var body = new { reason = "lawful-request" };

        var otherAdmin = await factory.ClientFor(Roles.Admin, await factory.KnownActorAsync("Kommunen")).PostAsJsonAsync($"/api/participants/{participant}/erasure", body);
        var platform = await factory.ClientFor(Roles.Operator).PostAsJsonAsync($"/api/participants/{participant}/erasure", body);

        Assert.Equal(HttpStatusCode.NotFound, otherAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, platform.StatusCode);
    }

    [Fact]
    public async Task An_agency_admin_may_not_enrol_for_another_agency()
    {
        var other = await factory.KnownActorAsync("Försäkringskassan");
        var admin = factory.ClientFor(Roles.Admin, await factory.KnownActorAsync());

        var response = await admin.EnrolAsync(new EnrolBody { ReferringActorId = other });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_operator_reads_no_participant_records()
    {
        var (_, _, participant) = await Journey.EnrolledAsync(factory);
        var platform = factory.ClientFor(Roles.Operator);

        // The operator passes the staff policies (it runs the platform) but is no agency's staff: no record is its own.
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/api/participants/{participant}?reason=curious")).StatusCode);
        var list = await platform.GetAsync("/api/participants");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain(participant.ToString(), await list.Content.ReadAsStringAsync());
    }
}
