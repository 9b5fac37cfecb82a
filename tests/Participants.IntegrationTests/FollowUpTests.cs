using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

public sealed class FollowUpTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task No_follow_up_before_exit_then_one_per_point_published()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/follow-ups";
        var body = new { point = "four-weeks", date = "2026-03-02", situation = "employment", note = "Trivs på jobbet" };

        var beforeExit = await client.PostAsJsonAsync(url, body);
        (await client.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-01-31", outcome = "job-seeking" })).EnsureSuccessStatusCode();
        var recorded = await (await client.PostAsJsonAsync(url, body)).JsonAsync(HttpStatusCode.Created);
        var twice = await client.PostAsJsonAsync(url, body with { date = "2026-03-03" });
        var list = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Conflict, beforeExit.StatusCode);
        Assert.Equal("four-weeks", recorded.GetProperty("point").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(["2026-02-28", "2026-07-31", "2027-01-31"],
            list.GetProperty("schedule").EnumerateArray().Select(s => s.GetProperty("dueDate").GetString()));
        Assert.Single(list.GetProperty("recorded").EnumerateArray());

        var published = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("FollowUpRecorded", participant))).RootElement;
        Assert.Equal("four-weeks", published.GetProperty("point").GetString());
        Assert.Equal("employment", published.GetProperty("situation").GetString());
        Assert.DoesNotContain("Trivs", published.GetRawText());
        await factory.DispatchedAsync("FollowUpRecorded", participant);
    }

    [Fact]
    public async Task Bad_follow_ups_are_400_naming_the_field()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        (await client.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-01-31", outcome = "other" })).EnsureSuccessStatusCode();
        var url = $"/api/participants/{participant}/follow-ups";

        await (await client.PostAsJsonAsync(url, new { point = "four-weeks", date = "2026-01-30", situation = "studies" })).AssertNamesField("date");
        await (await client.PostAsJsonAsync(url, new { point = "four-weeks", date = "2999-01-01", situation = "studies" })).AssertNamesField("date");
        await (await client.PostAsJsonAsync(url, new { point = "two-years", date = "2026-03-01", situation = "studies" })).AssertNamesField("point");
        await (await client.PostAsJsonAsync(url, new { point = "four-weeks", date = "2026-03-01", situation = "retired" })).AssertNamesField("situation");
        await (await client.GetAsync("/api/participants/follow-ups/due?asOf=tomorrow")).AssertNamesField("asOf");
    }

    [Fact]
    public async Task Due_follow_ups_are_listed_for_the_callers_agency_until_recorded()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var (_, otherClient, othersParticipant) = await Journey.EnrolledAsync(factory, new EnrolBody { PersonalIdentityNumber = "121212-1212" });
        (await client.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-01-31", outcome = "studies" })).EnsureSuccessStatusCode();
        (await otherClient.PostAsJsonAsync($"/api/participants/{othersParticipant}/exit", new { exitDate = "2026-01-31", outcome = "studies" })).EnsureSuccessStatusCode();

        var early = await (await client.GetAsync("/api/participants/follow-ups/due?asOf=2026-02-27")).JsonAsync(HttpStatusCode.OK);
        var due = await (await client.GetAsync("/api/participants/follow-ups/due?asOf=2026-08-01")).JsonAsync(HttpStatusCode.OK);
        (await client.PostAsJsonAsync($"/api/participants/{participant}/follow-ups",
            new { point = "four-weeks", date = "2026-03-01", situation = "studies" })).EnsureSuccessStatusCode();
        var after = await (await client.GetAsync("/api/participants/follow-ups/due?asOf=2026-08-01")).JsonAsync(HttpStatusCode.OK);

        Assert.Empty(early.EnumerateArray());
        Assert.All(due.EnumerateArray(), d => Assert.Equal(participant, d.GetProperty("participantId").GetGuid()));
        Assert.Equal(["four-weeks", "six-months"], due.EnumerateArray().Select(d => d.GetProperty("point").GetString()));
        Assert.Equal(["2026-02-28", "2026-07-31"], due.EnumerateArray().Select(d => d.GetProperty("dueDate").GetString()));
        Assert.Equal(["six-months"], after.EnumerateArray().Select(d => d.GetProperty("point").GetString()));
    }

    [Fact]
    public async Task Another_agency_cannot_record_or_read_follow_ups_404()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        (await client.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-01-31", outcome = "other" })).EnsureSuccessStatusCode();
        var stranger = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kommunen"));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/participants/{participant}/follow-ups",
            new { point = "four-weeks", date = "2026-03-01", situation = "studies" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/participants/{participant}/follow-ups")).StatusCode);
        Assert.Empty((await (await stranger.GetAsync("/api/participants/follow-ups/due?asOf=2026-08-01")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task The_owning_collaborations_coordinator_is_reminded_of_a_partners_participant_and_other_coordinators_are_not()
    {
        var owner = await factory.KnownActorAsync("Kommunen");
        var partner = await factory.KnownActorAsync("Arbetsförmedlingen");
        var collaboration = Guid.NewGuid();
        await factory.MemberAsync(collaboration, owner); // the first member asked for is the owner
        var (_, client, participant) = await Journey.EnrolledAsync(factory, new EnrolBody { CollaborationId = collaboration }, partner);
        (await client.PostAsJsonAsync($"/api/participants/{participant}/exit", new { exitDate = "2026-01-31", outcome = "internship" })).EnsureSuccessStatusCode();

        var asOwner = await (await factory.ClientFor(Roles.Coordinator, owner).GetAsync("/api/participants/follow-ups/due?asOf=2026-03-01")).JsonAsync(HttpStatusCode.OK);
        var asOwnersCaseworker = await (await factory.ClientFor(Roles.Caseworker, owner).GetAsync("/api/participants/follow-ups/due?asOf=2026-03-01")).JsonAsync(HttpStatusCode.OK);
        var asOtherCoordinator = await (await factory.ClientFor(Roles.Coordinator, await factory.KnownActorAsync("Region")).GetAsync("/api/participants/follow-ups/due?asOf=2026-03-01")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(participant, Assert.Single(asOwner.EnumerateArray()).GetProperty("participantId").GetGuid());
        Assert.Empty(asOwnersCaseworker.EnumerateArray());
        Assert.Empty(asOtherCoordinator.EnumerateArray());
    }
}
