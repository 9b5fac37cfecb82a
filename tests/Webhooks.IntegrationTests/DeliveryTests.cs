using Samverkan.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>Delivery to a real receiver: signing, retries with backoff, timeouts, disabling after the window, replay, rotation.</summary>
[Collection(WebhookCollection.Name)]
public sealed class DeliveryTests(WebhookWorld world)
{
    [Fact]
    public async Task Own_participants_event_arrives_signed_as_standard_webhooks_with_the_events_fields_only()
    {
        var agency = Guid.NewGuid();
        var url = world.Receiver.Endpoint();
        var (endpoint, secret) = await world.RegisterAsync(agency, url, "participant.enrolled", "participant.exited");
        var enrolled = await world.EnrolAsync(agency);

        var request = (await world.ReceivedAsync(url, 1)).Single();
        Assert.True(WebhookVerifier.Verifies(secret, request), $"signature {request.Signature} does not verify");
        Assert.StartsWith("msg_", request.Id);
        Assert.InRange(long.Parse(request.Timestamp), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var payload = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("participant.enrolled", payload.GetProperty("type").GetString());
        Assert.Equal(["id", "type", "timestamp", "data"], payload.EnumerateObject().Select(p => p.Name));
        var data = payload.GetProperty("data");
        Assert.Equal(enrolled.ParticipantId, data.GetProperty("participantId").GetGuid());
        Assert.Equal("woman", data.GetProperty("gender").GetString());
        // The event's own fields and nothing else: no name, no personnummer can have been added on the way.
        var fields = typeof(Samverkan.Contracts.Participants.ParticipantEnrolled).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        Assert.All(data.EnumerateObject(), p => Assert.Contains(p.Name, fields));

        var delivery = await world.DeliveryAsync(agency, endpoint, d => d.GetProperty("status").GetString() == "delivered", "the delivery to be marked delivered");
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(request.Id, delivery.GetProperty("webhookId").GetString());
        Assert.DoesNotContain(world.Receiver.Received(url), r => r.Body.Contains("participant.exited")); // not exited yet
    }

    [Fact]
    public async Task Failing_receiver_is_retried_with_backoff_and_delivered_when_it_comes_back()
    {
        var agency = Guid.NewGuid();
        var url = world.Receiver.Endpoint(n => (n <= 2 ? 500 : 200, TimeSpan.Zero));
        var (endpoint, secret) = await world.RegisterAsync(agency, url, "participant.enrolled");
        await world.EnrolAsync(agency);

        var requests = await world.ReceivedAsync(url, 3);
        var delivery = await world.DeliveryAsync(agency, endpoint, d => d.GetProperty("status").GetString() == "delivered", "the delivery to succeed on the third attempt");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        // The same message each time: same id and body, each attempt signed afresh.
        Assert.Single(requests.Select(r => r.Id).Distinct());
        Assert.Single(requests.Select(r => r.Body).Distinct());
        Assert.All(requests, r => Assert.True(WebhookVerifier.Verifies(secret, r)));
        // Backoff: about 0.2 s, then 0.4 s (±10 %), never at once.
        var gaps = requests.Zip(requests.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(0.17), $"first retry after {gaps[0].TotalSeconds} s");
        Assert.True(gaps[1] >= TimeSpan.FromSeconds(0.35), $"second retry after {gaps[1].TotalSeconds} s");
    }

    [Fact]
    public async Task Slow_receiver_times_out_and_the_attempt_counts_as_failed()
    {
        var agency = Guid.NewGuid();
        var url = world.Receiver.Endpoint(n => (200, n == 1 ? WebhooksApiFactory.Timeout * 3 : TimeSpan.Zero));
        var (endpoint, _) = await world.RegisterAsync(agency, url, "participant.enrolled");
        await world.EnrolAsync(agency);

        var delivery = await world.DeliveryAsync(agency, endpoint, d => d.GetProperty("status").GetString() == "delivered", "the retry after the timeout to succeed");
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(2, world.Receiver.Received(url).Count);
    }

    [Fact]
    public async Task Endpoint_is_disabled_with_a_reason_after_the_retry_window_and_a_replay_delivers_once_it_is_on_again()
    {
        var agency = Guid.NewGuid();
        var healthy = false;
        var url = world.Receiver.Endpoint(_ => (Volatile.Read(ref healthy) ? 204 : 503, TimeSpan.Zero));
        var (endpoint, _) = await world.RegisterAsync(agency, url, "participant.enrolled");
        await world.EnrolAsync(agency);

        var failed = await world.DeliveryAsync(agency, endpoint, d => d.GetProperty("status").GetString() == "failed", "the delivery to fail for good");
        Assert.True(failed.GetProperty("attempts").GetInt32() >= 3, failed.ToString()); // about 5; fewer when the machine is slow
        Assert.Contains("503", failed.GetProperty("lastError").GetString());
        var client = world.Agency(agency);
        var disabled = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/endpoints/{endpoint}");
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Contains("failed", disabled.GetProperty("disabledReason").GetString());

        var deliveryId = failed.GetProperty("id").GetGuid();
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/endpoints/{endpoint}/deliveries?status=failed");
        Assert.Equal(deliveryId, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/endpoints/{endpoint}/deliveries?status=delivered")).GetProperty("total").GetInt32());
        var refused = await client.PostAsync($"/api/webhooks/endpoints/{endpoint}/deliveries/{deliveryId}/replay", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        Volatile.Write(ref healthy, true);
        var enable = await client.PutAsJsonAsync($"/api/webhooks/endpoints/{endpoint}", new { url, eventTypes = new[] { "participant.enrolled" }, enabled = true });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var replay = await client.PostAsync($"/api/webhooks/endpoints/{endpoint}/deliveries/{deliveryId}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var delivered = await world.DeliveryAsync(agency, endpoint, d => d.GetProperty("status").GetString() == "delivered", "the replay to be delivered");
        Assert.Equal(failed.GetProperty("attempts").GetInt32() + 1, delivered.GetProperty("attempts").GetInt32());
        Assert.Single(world.Receiver.Received(url).Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_sign_during_the_overlap_and_only_the_new_one_without()
    {
        var agency = Guid.NewGuid();
        var url = world.Receiver.Endpoint();
        var (endpoint, first) = await world.RegisterAsync(agency, url, "participant.enrolled", "participant.exited");
        var client = world.Agency(agency);

        var rotated = await (await client.PostAsJsonAsync($"/api/webhooks/endpoints/{endpoint}/secret", new { overlapHours = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        var second = rotated.GetProperty("secret").GetString()!;
        Assert.NotEqual(first, second);
        var enrolled = await world.EnrolAsync(agency);
        var during = (await world.ReceivedAsync(url, 1)).Single();
        Assert.Equal(2, during.Signature.Split(' ').Length);
        Assert.True(WebhookVerifier.Verifies(first, during), "the old secret still verifies during the overlap");
        Assert.True(WebhookVerifier.Verifies(second, during), "the new secret verifies");

        var third = (await (await client.PostAsJsonAsync($"/api/webhooks/endpoints/{endpoint}/secret", new { overlapHours = 0 })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("secret").GetString()!;
        await world.ExitAsync(enrolled);
        var after = (await world.ReceivedAsync(url, 2))[1];
        Assert.Single(after.Signature.Split(' '));
        Assert.True(WebhookVerifier.Verifies(third, after));
        Assert.False(WebhookVerifier.Verifies(second, after), "without an overlap the previous secret no longer signs");
    }
}
