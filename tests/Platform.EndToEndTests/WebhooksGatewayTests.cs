using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// Webhooks on the whole platform: an endpoint registered through the gateway receives what Participants published
/// through its outbox, across the bus as the Webhooks service's own user, signed, and the other agency receives nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class WebhooksGatewayTests(PlatformFixture platform) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task An_agencys_endpoint_receives_its_own_participants_enrolment_and_exit_signed_and_another_agency_nothing()
    {
        var (agency, collaboration) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, "Ljungby kommun");
        var (other, _) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, "Markaryd kommun");
        var url = _receiver.Endpoint();
        var otherUrl = _receiver.Endpoint();
        var (endpoint, secret) = await RegisterAsync(agency, url);
        var (otherEndpoint, _) = await RegisterAsync(other, otherUrl);

        var caseworker = platform.ClientFor(Roles.Caseworker, agency);
        var participant = await GatewayAgencies.EnrolAsync(caseworker, collaboration);
        (await caseworker.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-03-31", outcome = "studies", reason = "Studier" }))
            .EnsureSuccessStatusCode();

        var received = await Eventually.Until(() => Task.FromResult(_receiver.Received(url)), r => r.Count >= 2, TimeSpan.FromSeconds(30),
            "the enrolment and the exit at the agency's endpoint");
        Assert.All(received, r => Assert.True(WebhookVerifier.Verifies(secret, r), $"signature of {r.Body}"));
        var payloads = received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["participant.enrolled", "participant.exited"], payloads.Select(p => p.GetProperty("type").GetString()).Order());
        Assert.All(payloads, p => Assert.Equal(participant, p.GetProperty("data").GetProperty("participantId").GetGuid()));
        Assert.All(received, r => Assert.DoesNotContain("1990-05-05", r.Body)); // the birth date given at enrolment stays in Participants

        var coordinator = platform.ClientFor(Roles.Coordinator, agency);
        var deliveries = await Eventually.Until(
            async () => (await coordinator.GetFromJsonAsync<JsonElement>($"/api/webhooks/endpoints/{endpoint}/deliveries")).GetProperty("items"),
            items => items.EnumerateArray().Count(d => d.GetProperty("status").GetString() == "delivered") == 2,
            TimeSpan.FromSeconds(30), "both deliveries marked delivered");
        Assert.Equal(2, deliveries.GetArrayLength());
        // Both events were fanned out in the consumers' transactions, so the other agency's list is final by now.
        var others = await platform.ClientFor(Roles.Coordinator, other).GetFromJsonAsync<JsonElement>($"/api/webhooks/endpoints/{otherEndpoint}/deliveries");
        Assert.Equal(0, others.GetProperty("total").GetInt32());
        Assert.Empty(_receiver.Received(otherUrl));
    }

    private async Task<(Guid Id, string Secret)> RegisterAsync(Guid agency, string url)
    {
        var response = await platform.ClientFor(Roles.Coordinator, agency).PostAsJsonAsync("/api/webhooks/endpoints",
            new { url, eventTypes = new[] { "participant.enrolled", "participant.exited" } });
        var body = await response.Json(HttpStatusCode.Created);
        return (body.GetProperty("endpoint").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }
}
