using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// A participant's journey after enrolment (action plan, hours, exit, follow-up) through the gateway on the whole
/// platform: the journey's own answers, and the exit counted in Reporting.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ParticipantJourneyGatewayTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Enrol_plan_hours_exit_and_follow_up_through_the_gateway()
    {
        var (agency, client, collaboration) = await AgencyAsync("Kalmar kommun");
        var participant = await EnrolAsync(client, collaboration);
        var url = $"/api/participants/{participant}";

        var commitment = await (await client.PostAsJsonAsync($"{url}/plan/commitments", new
        {
            responsibleActorId = agency, track = "work", startDate = "2026-02-01", dueDate = "2026-02-28",
        })).Json(HttpStatusCode.Created);
        var hours = await (await client.PostAsJsonAsync("/api/participants/hours/bulk", new object[]
        {
            new { participantId = participant, date = "2026-02-02", hours = 6 },
            new { participantId = participant, date = "2026-02-02", hours = 19 },
        })).Json(HttpStatusCode.OK);
        var overdue = await (await client.GetAsync("/api/participants/commitments/overdue?asOf=2026-03-10")).Json(HttpStatusCode.OK);
        var exit = await (await client.PostAsJsonAsync($"{url}/exit", new { exitDate = "2026-03-31", outcome = "employment", reason = "Anställning" }))
            .Json(HttpStatusCode.OK);
        var again = await client.PostAsJsonAsync($"{url}/exit", new { exitDate = "2026-03-31", outcome = "employment" });
        var due = await (await client.GetAsync("/api/participants/follow-ups/due?asOf=2026-05-01")).Json(HttpStatusCode.OK);
        var followUp = await client.PostAsJsonAsync($"{url}/follow-ups", new { point = "four-weeks", date = "2026-04-30", situation = "employment" });
        var summary = await (await client.GetAsync($"{url}/hours?from=2026-02-01&to=2026-02-28")).Json(HttpStatusCode.OK);

        Assert.Equal("planned", commitment.GetProperty("status").GetString());
        Assert.Equal(["recorded", "rejected"], hours.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(commitment.GetProperty("id").GetGuid(), Assert.Single(overdue.EnumerateArray()).GetProperty("commitment").GetProperty("id").GetGuid());
        Assert.Equal("employment", exit.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("four-weeks", Assert.Single(due.EnumerateArray()).GetProperty("point").GetString());
        Assert.Equal(HttpStatusCode.Created, followUp.StatusCode);
        Assert.Equal(6m, summary.GetProperty("totalHours").GetDecimal());

        // ParticipantExited left through the outbox and Reporting counted it (the platform operator sees exact counts).
        var admin = platform.ClientFor(Roles.Operator);
        await Eventually.Until(async () =>
        {
            var report = await admin.GetAsync($"/api/reports/collaborations/{collaboration}/summary");
            if (report.StatusCode != HttpStatusCode.OK)
                return false;
            var exits = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("exits").GetProperty("totals").GetProperty("total");
            return exits.GetProperty("count").ValueKind == JsonValueKind.Number && exits.GetProperty("count").GetInt32() == 1;
        }, Deadline, "the exit in Reporting's collaboration summary");
    }

    [Fact]
    public async Task Another_agency_gets_404_and_an_employer_403_on_the_journey_through_the_gateway()
    {
        var (_, client, collaboration) = await AgencyAsync("Nybro kommun");
        var participant = await EnrolAsync(client, collaboration);
        var (other, otherClient, _) = await AgencyAsync("Emmaboda kommun");

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.PostAsJsonAsync($"/api/participants/{participant}/exit",
            new { exitDate = "2026-03-31", outcome = "studies" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/participants/{participant}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/participants/{participant}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.ClientFor(Roles.Employer, other).GetAsync($"/api/participants/{participant}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/participants/{participant}/exit")).StatusCode);
    }

    /// <summary>An agency with a collaboration of its own, and a caseworker's client.</summary>
    private async Task<(Guid Agency, HttpClient Client, Guid Collaboration)> AgencyAsync(string name)
    {
        var (agency, collaboration) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, name);
        return (agency, platform.ClientFor(Roles.Caseworker, agency), collaboration);
    }

    private static Task<Guid> EnrolAsync(HttpClient client, Guid collaboration) => GatewayAgencies.EnrolAsync(client, collaboration);
}

internal static class JourneyResponses
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
