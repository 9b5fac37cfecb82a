using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>An erased participant id stays erased: no write brings anything about it back.</summary>
public sealed class ErasedParticipantTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task An_erased_participant_takes_no_new_consent_and_no_withdrawal()
    {
        var (agency, client, participant) = await Journey.EnrolledAsync(factory);
        var recipient = await factory.KnownActorAsync("Försäkringskassan");
        var url = $"/api/participants/{participant}/consents";
        var given = await (await client.PostAsJsonAsync(url, new { purpose = "share-action-plan", recipientActorId = recipient, givenOn = "2026-02-01", method = "written" }))
            .JsonAsync(HttpStatusCode.Created);
        await (await factory.ClientFor(Roles.Admin, agency).PostAsJsonAsync($"/api/participants/{participant}/erasure", new { reason = "lawful-request" }))
            .JsonAsync(HttpStatusCode.OK);

        var consent = await client.PostAsJsonAsync(url, new { purpose = "anonymous-profile-to-employers", recipientActorId = recipient, givenOn = "2026-03-01", method = "written" });
        var withdrawal = await client.PostAsJsonAsync($"{url}/{given.GetProperty("id").GetGuid()}/withdrawal", new { withdrawnOn = "2026-03-01" });

        Assert.Equal(HttpStatusCode.NotFound, consent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdrawal.StatusCode);
        var consents = await factory.WithDbAsync(db => db.Consents.AsNoTracking().Where(c => c.ParticipantId == participant).ToListAsync());
        var kept = Assert.Single(consents);
        Assert.Null(kept.WithdrawnOn);
        Assert.Empty(await factory.EventsAsync("ConsentWithdrawn", participant));
    }
}
