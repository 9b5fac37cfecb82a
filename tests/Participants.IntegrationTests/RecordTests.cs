using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.Participants.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>The participant's rights: export of the whole record, and erasure on a lawful request.</summary>
public sealed class RecordTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task Export_holds_the_whole_record_with_identifying_data_and_is_audited()
    {
        var (agency, client, participant) = await Journey.EnrolledAsync(factory, new EnrolBody { PersonalIdentityNumber = "811218-9876", Name = "Anna Export" });
        await FillAsync(client, participant, agency);

        var export = await (await client.GetAsync($"/api/participants/{participant}/export?reason=Registerutdrag på begäran")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("19811218-9876", export.GetProperty("participant").GetProperty("personalIdentityNumber").GetString());
        Assert.Equal("Anna Export", export.GetProperty("participant").GetProperty("name").GetString());
        Assert.Equal("Mitt mål", Assert.Single(export.GetProperty("actionPlan").GetProperty("goals").EnumerateArray()).GetProperty("text").GetString());
        Assert.Single(export.GetProperty("actionPlan").GetProperty("commitments").EnumerateArray());
        Assert.Single(export.GetProperty("hours").EnumerateArray());
        Assert.Single(export.GetProperty("validations").EnumerateArray());
        Assert.Equal("Fick jobb via praktik", export.GetProperty("exit").GetProperty("reason").GetString());
        Assert.Single(export.GetProperty("followUps").EnumerateArray());
        Assert.Single(export.GetProperty("consents").EnumerateArray());
        var read = Assert.Single(export.GetProperty("identifyingReads").EnumerateArray());
        Assert.Equal("Registerutdrag på begäran", read.GetProperty("reason").GetString());
        Assert.Equal(1, await factory.WithDbAsync(db => db.IdentityAccessLog.CountAsync(a => a.ParticipantId == participant)));
    }

    [Fact]
    public async Task Another_agency_cannot_export_404_and_nothing_is_audited()
    {
        var (_, _, participant) = await Journey.EnrolledAsync(factory);
        var stranger = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kommunen"));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/participants/{participant}/export")).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.IdentityAccessLog.CountAsync(a => a.ParticipantId == participant)));
    }

    [Fact]
    public async Task Erasure_removes_number_name_birth_date_and_free_texts_keeps_aggregate_facts_and_is_published()
    {
        var collaboration = Guid.NewGuid();
        var (agency, client, participant) = await Journey.EnrolledAsync(factory,
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = "850709-9862", Name = "Bodil Radera" });
        await FillAsync(client, participant, agency);
        var admin = factory.ClientFor(Roles.Admin, agency); // the agency's own admin

        var asCaseworker = await client.PostAsJsonAsync($"/api/participants/{participant}/erasure", new { reason = "lawful-request" });
        var erased = await (await admin.PostAsJsonAsync($"/api/participants/{participant}/erasure", new { reason = "lawful-request" })).JsonAsync(HttpStatusCode.OK);
        var again = await admin.PostAsJsonAsync($"/api/participants/{participant}/erasure", new { reason = "lawful-request" });

        Assert.Equal(HttpStatusCode.Forbidden, asCaseworker.StatusCode);
        Assert.Equal("lawful-request", erased.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var row = JsonDocument.Parse(Assert.Single(await factory.RowsAsync("participants"), r => r.Contains(participant.ToString()))).RootElement;
        foreach (var column in new[] { "protected_number", "number_lookup_hash", "protected_name", "birth_date" })
            Assert.True(row.GetProperty(column).ValueKind == JsonValueKind.Null, $"{column} is left after the erasure");
        Assert.Equal("Woman", row.GetProperty("gender").GetString());
        Assert.Equal(40, row.GetProperty("age_at_start").GetInt32());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(Assert.Single(await factory.RowsAsync("participant_exits"), r => r.Contains(participant.ToString())))
            .RootElement.GetProperty("reason").ValueKind);
        Assert.DoesNotContain(await factory.RowsAsync("plan_entries"), r => r.Contains(participant.ToString()));
        var texts = string.Join('\n', (await factory.RowsAsync("follow_ups")).Concat(await factory.RowsAsync("commitments"))
            .Concat(await factory.RowsAsync("skills_validations")).Where(r => r.Contains(participant.ToString())));
        foreach (var secret in new[] { "Mitt", "Fick jobb", "Ny chef", "Stödsamtal", "Bedömare", "Lager" })
            Assert.DoesNotContain(secret, texts);
        Assert.Single(await factory.RowsAsync("participation_hours"), r => r.Contains(participant.ToString()));

        var published = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("ParticipantErased", participant))).RootElement;
        Assert.Equal("lawful-request", published.GetProperty("reason").GetString());
        // The final reportable state, restated for the copies that may not yet have it (decision 0009), and nothing more.
        Assert.Equal(1, published.GetProperty("enrolment").GetProperty("revision").GetInt64());
        Assert.Equal(participant, published.GetProperty("enrolment").GetProperty("participantId").GetGuid());
        Assert.Equal("2026-04-01", published.GetProperty("exit").GetProperty("exitDate").GetString());
        var month = Assert.Single(published.GetProperty("monthlyHours").EnumerateArray());
        Assert.Equal(("2026-02-01", 5m), (month.GetProperty("month").GetString(), month.GetProperty("totalHours").GetDecimal()));
        foreach (var secret in new[] { "850709", "19850709", "Bodil", "Radera", "Fick jobb", "birth" })
            Assert.DoesNotContain(secret, published.GetRawText(), StringComparison.OrdinalIgnoreCase);
        await factory.DispatchedAsync("ParticipantErased", participant);

        // Afterwards the record is gone from the journey endpoints, and an identifying read finds nothing to show.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/participants/{participant}/export")).StatusCode);
        var read = await (await client.GetAsync($"/api/participants/{participant}?reason=check")).JsonAsync(HttpStatusCode.OK);
        Assert.False(read.TryGetProperty("personalIdentityNumber", out var number) && number.ValueKind == JsonValueKind.String);
        // The same person can be enrolled afresh into the same collaboration: nothing of the old number is left to match
        // on. Were it left, this would be the 200 of "already enrolled" with the erased participant's id.
        var afresh = await (await client.EnrolAsync(new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = "850709-9862" }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.NotEqual(participant, afresh.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Erasure_asks_for_a_lawful_request_and_404s_an_unknown_participant()
    {
        var (agency, _, participant) = await Journey.EnrolledAsync(factory);
        var admin = factory.ClientFor(Roles.Admin, agency);

        await (await admin.PostAsJsonAsync($"/api/participants/{participant}/erasure", new { reason = "retention-expired" })).AssertNamesField("reason");
        await (await admin.PostAsJsonAsync($"/api/participants/{participant}/erasure", new { })).AssertNamesField("reason");
        await (await admin.PostAsJsonAsync($"/api/participants/{participant}/erasure", new { reason = "bored" })).AssertNamesField("reason");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/participants/{Guid.NewGuid()}/erasure", new { reason = "lawful-request" })).StatusCode);
        Assert.Empty(await factory.EventsAsync("ParticipantErased", participant));
    }

    /// <summary>Something in every part of the record, each free text recognisable.</summary>
    private static async Task FillAsync(HttpClient client, Guid participant, Guid agency)
    {
        var url = $"/api/participants/{participant}";
        (await client.PostAsJsonAsync($"{url}/plan/goals", new { text = "Mitt mål" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{url}/plan/commitments", new
        {
            responsibleActorId = agency, track = "work", startDate = "2026-02-01", dueDate = "2026-03-01", description = "Stödsamtal varje vecka",
        })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{url}/hours", new { date = "2026-02-02", hours = 5 })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{url}/validations", new { method = "ocn", assessor = "Britt Bedömare", date = "2026-03-01", result = "Lager nivå 2", certificateIssued = true })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{url}/consents", new { purpose = "share-action-plan", recipientActorId = agency, givenOn = "2026-02-01", method = "written" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{url}/exit", new { exitDate = "2026-04-01", outcome = "employment", reason = "Fick jobb via praktik" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{url}/follow-ups", new { point = "four-weeks", date = "2026-05-01", situation = "employment", note = "Ny chef" })).EnsureSuccessStatusCode();
    }
}
