using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

public sealed class ExitTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task Exit_is_200_and_published_once_without_the_reason()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var body = new { exitDate = "2026-06-30", outcome = "subsidised-employment", reason = "Anställd hos Bageriet i Kalmar efter praktik" };

        var exit = await (await client.PostAsJsonAsync($"/api/participants/{participant}/exit", body)).JsonAsync(HttpStatusCode.OK);
        var again = await client.PostAsJsonAsync($"/api/participants/{participant}/exit", body with { outcome = "studies" });
        var read = await (await client.GetAsync($"/api/participants/{participant}/exit")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("2026-06-30", exit.GetProperty("exitDate").GetString());
        Assert.Equal("subsidised-employment", exit.GetProperty("outcome").GetString());
        Assert.False(exit.GetProperty("gainedQualification").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("subsidised-employment", read.GetProperty("outcome").GetString());

        var published = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("ParticipantExited", participant))).RootElement;
        Assert.Equal("subsidised-employment", published.GetProperty("outcome").GetString());
        Assert.Equal("2026-06-30", published.GetProperty("exitDate").GetString());
        Assert.DoesNotContain("Bageriet", published.GetRawText());
        await factory.DispatchedAsync("ParticipantExited", participant);
    }

    [Fact]
    public async Task A_certificate_before_the_exit_is_a_gained_qualification()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        (await client.PostAsJsonAsync($"/api/participants/{participant}/validations",
            new { method = "ocn", assessor = "Validering Öst", date = "2026-03-01", result = "Godkänd lager", certificateIssued = true })).EnsureSuccessStatusCode();

        var exit = await (await client.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-04-01", outcome = "employment" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.True(exit.GetProperty("gainedQualification").GetBoolean());
        var published = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("ParticipantExited", participant))).RootElement;
        Assert.True(published.GetProperty("gainedQualification").GetBoolean());
    }

    [Fact]
    public async Task Bad_exits_are_400_naming_the_field_and_write_nothing()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/exit";

        await (await client.PostAsJsonAsync(url, new { exitDate = "2026-01-09", outcome = "employment" })).AssertNamesField("exitDate");
        await (await client.PostAsJsonAsync(url, new { exitDate = "2999-01-01", outcome = "employment" })).AssertNamesField("exitDate");
        await (await client.PostAsJsonAsync(url, new { outcome = "employment" })).AssertNamesField("exitDate");
        await (await client.PostAsJsonAsync(url, new { exitDate = "2026-13-01", outcome = "employment" })).AssertNamesField("exitDate");
        await (await client.PostAsJsonAsync(url, new { exitDate = "2026-06-01", outcome = "work" })).AssertNamesField("outcome");
        await (await client.PostAsJsonAsync(url, new { exitDate = "2026-06-01" })).AssertNamesField("outcome");
        await (await client.PostAsJsonAsync(url, new { exitDate = "2026-06-01", outcome = "other", reason = new string('x', 2001) })).AssertNamesField("reason");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Empty(await factory.EventsAsync("ParticipantExited", participant));
    }

    [Fact]
    public async Task Another_agencys_participant_cannot_be_exited_404()
    {
        var (_, _, participant) = await Journey.EnrolledAsync(factory);
        var stranger = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kommunen"));

        var response = await stranger.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-06-01", outcome = "employment" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/participants/{participant}/exit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer).PostAsJsonAsync(
            $"/api/participants/{participant}/exit", new { exitDate = "2026-06-01", outcome = "employment" })).StatusCode);
        Assert.Empty(await factory.EventsAsync("ParticipantExited", participant));
    }

    [Fact]
    public async Task Concurrent_exits_make_one_exit_and_one_event()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-05-01", outcome = i % 2 == 0 ? "studies" : "employment" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await factory.EventsAsync("ParticipantExited", participant));
    }

    [Fact]
    public async Task The_journey_endpoints_are_in_the_OpenAPI_document()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");

        foreach (var path in new[]
                 {
                     "/api/participants/{id}/exit", "/api/participants/{id}/follow-ups", "/api/participants/follow-ups/due",
                     "/api/participants/{id}/plan", "/api/participants/{id}/plan/goals", "/api/participants/{id}/plan/commitments",
                     "/api/participants/{id}/plan/commitments/{commitmentId}/status", "/api/participants/commitments/overdue",
                     "/api/participants/{id}/hours", "/api/participants/hours/bulk", "/api/participants/{id}/validations",
                     "/api/participants/{id}/export", "/api/participants/{id}/erasure", "/api/participants/{id}/facts",
                 })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI should document {path}");
    }
}
