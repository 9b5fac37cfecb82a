using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>What the journey tests (exit, follow-up, plan, hours, validation, record) share.</summary>
internal static class Journey
{
    /// <summary>A new agency (a known actor; or the one given), a caseworker of it, and a participant it referred (start 2026-01-10).</summary>
    public static async Task<(Guid Agency, HttpClient Client, Guid Participant)> EnrolledAsync(
        ParticipantsApiFactory factory, EnrolBody? body = null, Guid? referringAgency = null)
    {
        var agency = referringAgency ?? await factory.KnownActorAsync("Arbetsförmedlingen");
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var response = await client.EnrolAsync(body ?? new EnrolBody());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var participant = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (agency, client, participant);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static Task AssertNamesField(this HttpResponseMessage response, string field) => Problems.AssertBadRequestNaming(response, field);

    /// <summary>The outbox rows of contract <paramref name="eventName"/> (e.g. "ParticipantExited") that mention <paramref name="id"/>.</summary>
    /// <summary>The bodies of the outbox rows of <paramref name="eventName"/> mentioning <paramref name="id"/>, in outbox (dispatch) order.</summary>
    public static Task<List<string>> EventsAsync(this ParticipantsApiFactory factory, string eventName, Guid id)
    {
        var type = $"Samverkan.Contracts.Participants.{eventName},";
        return factory.WithDbAsync(async db => (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.StartsWith(type))
                .OrderBy(m => m.Sequence).ToListAsync())
            .Where(m => m.Body.Contains(id.ToString())).Select(m => m.Body).ToList());
    }

    /// <summary>Waits until every outbox row of <paramref name="eventName"/> mentioning <paramref name="id"/> was confirmed by the broker.</summary>
    public static Task DispatchedAsync(this ParticipantsApiFactory factory, string eventName, Guid id)
    {
        var type = $"Samverkan.Contracts.Participants.{eventName},";
        return Eventually.Until(
            () => factory.WithDbAsync(async db =>
            {
                var rows = (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.StartsWith(type)).ToListAsync())
                    .Where(m => m.Body.Contains(id.ToString())).ToList();
                return rows.Count > 0 && rows.All(m => m.DispatchedAt != null);
            }),
            TimeSpan.FromSeconds(30), $"the {eventName} outbox rows for {id} to be dispatched");
    }
}
