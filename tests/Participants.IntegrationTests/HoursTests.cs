using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

public sealed class HoursTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task Hours_are_summed_by_month_and_each_change_publishes_the_months_new_total()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/hours";

        var first = await (await client.PostAsJsonAsync(url, new { date = "2026-02-02", hours = 6 })).JsonAsync(HttpStatusCode.Created);
        (await client.PostAsJsonAsync(url, new { date = "2026-02-03", hours = 4.5, attestedByParticipant = true })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync(url, new { date = "2026-03-01", hours = 2 })).EnsureSuccessStatusCode();
        var summary = await (await client.GetAsync($"{url}?from=2026-02-01&to=2026-03-31")).JsonAsync(HttpStatusCode.OK);
        var february = await (await client.GetAsync($"{url}?from=2026-02-01&to=2026-02-28")).JsonAsync(HttpStatusCode.OK);

        Assert.False(first.GetProperty("attestedByParticipant").GetBoolean());
        Assert.Equal(12.5m, summary.GetProperty("totalHours").GetDecimal());
        var months = summary.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2026-02-01", "2026-03-01"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(10.5m, months[0].GetProperty("hours").GetDecimal());
        Assert.Equal(6m, months[0].GetProperty("recordedByStaff").GetDecimal());
        Assert.Equal(4.5m, months[0].GetProperty("attestedByParticipant").GetDecimal());
        Assert.Equal(10.5m, february.GetProperty("totalHours").GetDecimal());

        var totals = (await factory.EventsAsync("MonthlyHoursRecorded", participant)).Select(b => JsonDocument.Parse(b).RootElement)
            .Select(e => (e.GetProperty("month").GetString(), e.GetProperty("totalHours").GetDecimal())).OrderBy(t => t.Item1).ThenBy(t => t.Item2);
        Assert.Equal([("2026-02-01", 6m), ("2026-02-01", 10.5m), ("2026-03-01", 2m)], totals);
        await factory.DispatchedAsync("MonthlyHoursRecorded", participant);
    }

    [Fact]
    public async Task More_than_24_hours_a_day_in_total_and_other_bad_hours_are_400_naming_the_field()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/hours";
        (await client.PostAsJsonAsync(url, new { date = "2026-02-02", hours = 20 })).EnsureSuccessStatusCode();

        await (await client.PostAsJsonAsync(url, new { date = "2026-02-02", hours = 4.25 })).AssertNamesField("hours");
        await (await client.PostAsJsonAsync(url, new { date = "2026-02-03", hours = 0 })).AssertNamesField("hours");
        await (await client.PostAsJsonAsync(url, new { date = "2026-02-03", hours = 25 })).AssertNamesField("hours");
        await (await client.PostAsJsonAsync(url, new { date = "2026-02-03" })).AssertNamesField("hours");
        await (await client.PostAsJsonAsync(url, new { date = "2026-01-09", hours = 1 })).AssertNamesField("date");
        await (await client.PostAsJsonAsync(url, new { date = "2999-01-01", hours = 1 })).AssertNamesField("date");
        await (await client.GetAsync($"{url}?from=2026-02")).AssertNamesField("from");
        await (await client.GetAsync($"{url}?from=2026-03-01&to=2026-02-01")).AssertNamesField("to");

        var summary = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(20m, summary.GetProperty("totalHours").GetDecimal());
        Assert.Single(await factory.EventsAsync("MonthlyHoursRecorded", participant));
    }

    [Fact]
    public async Task Bulk_entry_answers_per_row_and_a_rejected_row_writes_nothing()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var (_, _, othersParticipant) = await Journey.EnrolledAsync(factory, new EnrolBody { PersonalIdentityNumber = "121212-1212" });
        object[] rows =
        [
            new { participantId = participant, date = "2026-02-02", hours = 8 },
            new { participantId = participant, date = "2026-02-02", hours = 17 },          // 25 that day with the row above
            new { participantId = participant, date = "2026-02-03", hours = 7.5, attestedByParticipant = true },
            new { participantId = othersParticipant, date = "2026-02-02", hours = 3 },     // another agency's: as if unknown
            new { participantId = participant, hours = 1 },
            new { participantId = participant, date = "2026-03-02", hours = 1 },
        ];

        var result = await (await client.PostAsJsonAsync("/api/participants/hours/bulk", rows)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, result.GetProperty("recorded").GetInt32());
        Assert.Equal(3, result.GetProperty("rejected").GetInt32());
        var results = result.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["recorded", "rejected", "recorded", "rejected", "rejected", "recorded"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("hours", out _));
        Assert.True(results[3].GetProperty("errors").TryGetProperty("participantId", out _));
        Assert.True(results[4].GetProperty("errors").TryGetProperty("date", out _));
        var summary = await (await client.GetAsync($"/api/participants/{participant}/hours")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(16.5m, summary.GetProperty("totalHours").GetDecimal());
        var totals = (await factory.EventsAsync("MonthlyHoursRecorded", participant)).Select(b => JsonDocument.Parse(b).RootElement)
            .Select(e => (e.GetProperty("month").GetString(), e.GetProperty("totalHours").GetDecimal())).OrderBy(t => t.Item1);
        Assert.Equal([("2026-02-01", 15.5m), ("2026-03-01", 1m)], totals);
        Assert.Empty(await factory.EventsAsync("MonthlyHoursRecorded", othersParticipant));
    }

    [Fact]
    public async Task Another_agencys_participant_is_404_for_hours()
    {
        var (_, _, participant) = await Journey.EnrolledAsync(factory);
        var stranger = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kommunen"));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/participants/{participant}/hours", new { date = "2026-02-02", hours = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/participants/{participant}/hours")).StatusCode);
        await (await stranger.PostAsJsonAsync("/api/participants/hours/bulk", Array.Empty<object>())).AssertNamesField("$");
    }

    [Fact]
    public async Task Concurrent_entries_for_one_day_never_pass_24_hours_and_the_last_event_holds_the_true_total()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            client.PostAsJsonAsync($"/api/participants/{participant}/hours", new { date = "2026-04-06", hours = 7 })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        var summary = await (await client.GetAsync($"/api/participants/{participant}/hours")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(21m, summary.GetProperty("totalHours").GetDecimal());
        // In outbox order, which is the order consumers receive them: each event holds the month's total as it stood
        // when the event was written, so the totals rise in that order and the last one, which a consumer keeps, is 21.
        var totals = (await factory.EventsAsync("MonthlyHoursRecorded", participant))
            .Select(b => JsonDocument.Parse(b).RootElement.GetProperty("totalHours").GetDecimal()).ToList();
        Assert.Equal([7m, 14m, 21m], totals);
    }
}
