using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

public sealed class ValidationTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task A_validation_is_recorded_listed_and_published_without_assessor_or_result()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/validations";

        var created = await (await client.PostAsJsonAsync(url,
            new { method = "kga", assessor = "Eva Bedömare", date = "2026-04-01", result = "Truckkort B", certificateIssued = true })).JsonAsync(HttpStatusCode.Created);
        var list = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("kga", created.GetProperty("method").GetString());
        Assert.Equal("Eva Bedömare", Assert.Single(list.EnumerateArray()).GetProperty("assessor").GetString());
        var published = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("ValidationCompleted", participant))).RootElement;
        Assert.Equal("kga", published.GetProperty("method").GetString());
        Assert.True(published.GetProperty("certificateIssued").GetBoolean());
        Assert.DoesNotContain("Eva", published.GetRawText());
        Assert.DoesNotContain("Truckkort", published.GetRawText());
        await factory.DispatchedAsync("ValidationCompleted", participant);
    }

    [Fact]
    public async Task Bad_validations_are_400_naming_the_field_and_another_agency_gets_404()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/validations";

        await (await client.PostAsJsonAsync(url, new { method = "exam", assessor = "A", date = "2026-04-01", certificateIssued = false })).AssertNamesField("method");
        await (await client.PostAsJsonAsync(url, new { method = "ocn", date = "2026-04-01", certificateIssued = false })).AssertNamesField("assessor");
        await (await client.PostAsJsonAsync(url, new { method = "ocn", assessor = "A", date = "2026-01-01", certificateIssued = false })).AssertNamesField("date");
        await (await client.PostAsJsonAsync(url, new { method = "ocn", assessor = "A", date = "2999-01-01", certificateIssued = false })).AssertNamesField("date");
        await (await client.PostAsJsonAsync(url, new { method = "ocn", assessor = "A", date = "2026-04-01" })).AssertNamesField("certificateIssued");

        var stranger = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kommunen"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(url,
            new { method = "ocn", assessor = "A", date = "2026-04-01", certificateIssued = false })).StatusCode);
        Assert.Empty(await factory.EventsAsync("ValidationCompleted", participant));
    }
}
