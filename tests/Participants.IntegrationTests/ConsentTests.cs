using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Participants.IntegrationTests;

public sealed class ConsentTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    private const string GivenType = "Samverkan.Contracts.Participants.ConsentGiven,";
    private const string WithdrawnType = "Samverkan.Contracts.Participants.ConsentWithdrawn,";

    [Fact]
    public async Task Consent_given_and_withdrawn_is_recorded_and_published_once_each()
    {
        var agency = await factory.KnownActorAsync();
        var recipient = await factory.KnownActorAsync("Försäkringskassan");
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var participant = await AuthorizationTests.EnrolAsync(client, new EnrolBody());
        var body = new { purpose = "share-action-plan", recipientActorId = recipient, givenOn = "2026-02-01", method = "written" };

        var given = await client.PostAsJsonAsync($"/api/participants/{participant}/consents", body);
        var again = await client.PostAsJsonAsync($"/api/participants/{participant}/consents", body);
        var consentId = (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var withdrawn = await client.PostAsJsonAsync($"/api/participants/{participant}/consents/{consentId}/withdrawal", new { withdrawnOn = "2026-03-01" });
        var withdrawnAgain = await client.PostAsJsonAsync($"/api/participants/{participant}/consents/{consentId}/withdrawal", new { });
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/participants/{participant}/consents");

        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(consentId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawnAgain.StatusCode);
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal("2026-03-01", only.GetProperty("withdrawnOn").GetString());
        Assert.False(only.GetProperty("active").GetBoolean());

        var events = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.StartsWith(GivenType) || m.MessageType.StartsWith(WithdrawnType)).ToListAsync());
        var mine = events.Where(e => e.Body.Contains(consentId.ToString())).ToList();
        Assert.Single(mine, e => e.MessageType.StartsWith(GivenType));
        var withdrawal = JsonDocument.Parse(Assert.Single(mine, e => e.MessageType.StartsWith(WithdrawnType)).Body).RootElement;
        Assert.Equal("share-action-plan", withdrawal.GetProperty("purpose").GetString());
        Assert.Equal(recipient, withdrawal.GetProperty("recipientActorId").GetGuid());
        Assert.All(mine, e => Assert.DoesNotContain("9876", Ids.Without(e.Body)));
    }

    [Fact]
    public async Task After_a_withdrawal_the_same_consent_can_be_given_anew()
    {
        var agency = await factory.KnownActorAsync();
        var recipient = await factory.KnownActorAsync("Arbetsgivare AB");
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var participant = await AuthorizationTests.EnrolAsync(client, new EnrolBody());
        var body = new { purpose = "disclose-identity-to-employer", recipientActorId = recipient, givenOn = "2026-02-01", method = "oral" };
        var first = (await (await client.PostAsJsonAsync($"/api/participants/{participant}/consents", body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await client.PostAsJsonAsync($"/api/participants/{participant}/consents/{first}/withdrawal", new { });

        var second = await client.PostAsJsonAsync($"/api/participants/{participant}/consents", body with { givenOn = "2026-04-01" });

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(first, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Bad_consents_are_400_naming_the_field()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var participant = await AuthorizationTests.EnrolAsync(client, new EnrolBody());
        var recipient = await factory.KnownActorAsync("Försäkringskassan");
        var url = $"/api/participants/{participant}/consents";

        await Problems.AssertBadRequestNaming(await client.PostAsJsonAsync(url, new { purpose = "share-action-plan", recipientActorId = Guid.NewGuid(), givenOn = "2026-02-01", method = "written" }), "recipientActorId");
        await Problems.AssertBadRequestNaming(await client.PostAsJsonAsync(url, new { purpose = "gossip", recipientActorId = recipient, givenOn = "2026-02-01", method = "written" }), "purpose");
        await Problems.AssertBadRequestNaming(await client.PostAsJsonAsync(url, new { purpose = "share-action-plan", recipientActorId = recipient, givenOn = "2999-01-01", method = "written" }), "givenOn");
        await Problems.AssertBadRequestNaming(await client.PostAsJsonAsync(url, new { purpose = "share-action-plan", recipientActorId = recipient, givenOn = "2026-02-01" }), "method");
        var consent = (await (await client.PostAsJsonAsync(url, new { purpose = "share-action-plan", recipientActorId = recipient, givenOn = "2026-02-01", method = "written" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Problems.AssertBadRequestNaming(await client.PostAsJsonAsync($"{url}/{consent}/withdrawal", new { withdrawnOn = "2026-01-01" }), "withdrawnOn");
        await Problems.AssertBadRequestNaming(await client.PostAsJsonAsync($"{url}/{consent}/withdrawal", new { withdrawnOn = "2999-01-01" }), "withdrawnOn");
    }

    [Fact]
    public async Task Consents_stay_readable_after_the_participant_is_erased_while_the_journey_endpoints_404()
    {
        var agency = await factory.KnownActorAsync();
        var recipient = await factory.KnownActorAsync("Försäkringskassan");
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var participant = await AuthorizationTests.EnrolAsync(client, new EnrolBody());
        var body = new { purpose = "share-action-plan", recipientActorId = recipient, givenOn = "2026-02-01", method = "written" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/participants/{participant}/consents", body)).StatusCode);

        var erasure = await factory.ClientFor(Roles.Admin, agency).PostAsJsonAsync($"/api/participants/{participant}/erasure", new { reason = "lawful-request" });
        var consents = await client.GetAsync($"/api/participants/{participant}/consents");

        Assert.Equal(HttpStatusCode.OK, erasure.StatusCode);
        Assert.Equal(HttpStatusCode.OK, consents.StatusCode);
        Assert.Single((await consents.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/participants/{participant}/exit")).StatusCode);
    }

    [Fact]
    public async Task Another_agency_cannot_see_or_record_consents_404()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var participant = await AuthorizationTests.EnrolAsync(client, new EnrolBody());
        var other = await factory.KnownActorAsync("Kommunen");
        var stranger = factory.ClientFor(Roles.Caseworker, other);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/participants/{participant}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/participants/{participant}/consents",
            new { purpose = "share-action-plan", recipientActorId = other, givenOn = "2026-02-01", method = "written" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer, other).GetAsync($"/api/participants/{participant}/consents")).StatusCode);
    }
}
