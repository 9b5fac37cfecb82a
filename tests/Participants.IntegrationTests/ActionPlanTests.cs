using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

public sealed class ActionPlanTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    private static object Commitment(Guid responsible, string due = "2026-03-31", string track = "health") =>
        new { interventionId = Guid.NewGuid(), responsibleActorId = responsible, track, startDate = "2026-02-01", dueDate = due, description = "Arbetsförmågeutredning" };

    [Fact]
    public async Task Plan_holds_goals_steps_and_commitments_whose_status_moves_and_is_published()
    {
        var (agency, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/plan";
        (await client.PostAsJsonAsync($"{url}/goals", new { text = "Jobba inom vården", track = "work" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{url}/steps", new { text = "Ta körkort" })).EnsureSuccessStatusCode();
        var commitment = await (await client.PostAsJsonAsync($"{url}/commitments", Commitment(agency))).JsonAsync(HttpStatusCode.Created);
        var id = commitment.GetProperty("id").GetGuid();

        var started = await (await client.PostAsJsonAsync($"{url}/commitments/{id}/status", new { status = "started" })).JsonAsync(HttpStatusCode.OK);
        var startedAgain = await client.PostAsJsonAsync($"{url}/commitments/{id}/status", new { status = "started" });
        var done = await (await client.PostAsJsonAsync($"{url}/commitments/{id}/status", new { status = "done" })).JsonAsync(HttpStatusCode.OK);
        var plan = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("planned", commitment.GetProperty("status").GetString());
        Assert.Equal("started", started.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, startedAgain.StatusCode);
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.True(plan.GetProperty("complete").GetBoolean());
        Assert.Equal("Jobba inom vården", Assert.Single(plan.GetProperty("goals").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("Ta körkort", Assert.Single(plan.GetProperty("steps").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("done", Assert.Single(plan.GetProperty("commitments").EnumerateArray()).GetProperty("status").GetString());

        var added = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("CommitmentAdded", id))).RootElement;
        Assert.Equal("health", added.GetProperty("track").GetString());
        Assert.Equal(agency, added.GetProperty("responsibleActorId").GetGuid());
        Assert.DoesNotContain("Arbetsförmåge", added.GetRawText());
        // One event per real move: planned → started, started → done; the repeated "started" published nothing.
        var changes = (await factory.EventsAsync("CommitmentStatusChanged", id)).Select(b => JsonDocument.Parse(b).RootElement.GetProperty("status").GetString()).Order();
        Assert.Equal(["done", "started"], changes);
        await factory.DispatchedAsync("CommitmentStatusChanged", id);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("planned")]
    public async Task Illegal_status_moves_are_409(string to)
    {
        var (agency, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/plan/commitments";
        var id = (await (await client.PostAsJsonAsync(url, Commitment(agency))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        if (to == "planned")
            (await client.PostAsJsonAsync($"{url}/{id}/status", new { status = "cancelled" })).EnsureSuccessStatusCode();

        var response = await client.PostAsJsonAsync($"{url}/{id}/status", new { status = to });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Bad_plan_input_is_400_naming_the_field()
    {
        var (agency, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/plan";

        await (await client.PostAsJsonAsync($"{url}/goals", new { text = "" })).AssertNamesField("text");
        await (await client.PostAsJsonAsync($"{url}/steps", new { text = "x", track = "leisure" })).AssertNamesField("track");
        await (await client.PostAsJsonAsync($"{url}/commitments", Commitment(Guid.NewGuid()))).AssertNamesField("responsibleActorId");
        await (await client.PostAsJsonAsync($"{url}/commitments", Commitment(agency, due: "2026-01-31"))).AssertNamesField("dueDate");
        await (await client.PostAsJsonAsync($"{url}/commitments", Commitment(agency, track: "sport"))).AssertNamesField("track");
        await (await client.PostAsJsonAsync($"{url}/commitments", new { responsibleActorId = agency, track = "work", dueDate = "2026-03-01" })).AssertNamesField("startDate");
        var id = (await (await client.PostAsJsonAsync($"{url}/commitments", Commitment(agency))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await client.PostAsJsonAsync($"{url}/commitments/{id}/status", new { status = "finished" })).AssertNamesField("status");
        await (await client.GetAsync("/api/participants/commitments/overdue?asOf=2026-02-30")).AssertNamesField("asOf");
    }

    [Fact]
    public async Task Another_agency_sees_only_its_own_commitments_and_only_with_consent()
    {
        var (agency, client, participant) = await Journey.EnrolledAsync(factory);
        var fk = await factory.KnownActorAsync("Försäkringskassan");
        var kommun = await factory.KnownActorAsync("Kommunen");
        var url = $"/api/participants/{participant}/plan";
        (await client.PostAsJsonAsync($"{url}/goals", new { text = "Må bättre" })).EnsureSuccessStatusCode();
        var fksCommitment = (await (await client.PostAsJsonAsync($"{url}/commitments", Commitment(fk))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var kommunsCommitment = (await (await client.PostAsJsonAsync($"{url}/commitments", Commitment(kommun))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var fkClient = factory.ClientFor(Roles.Caseworker, fk);

        var withoutConsent = await fkClient.GetAsync(url);
        var moveWithoutConsent = await fkClient.PostAsJsonAsync($"{url}/commitments/{fksCommitment}/status", new { status = "started" });
        var consent = await (await client.PostAsJsonAsync($"/api/participants/{participant}/consents",
            new { purpose = "share-action-plan", recipientActorId = fk, givenOn = "2026-02-01", method = "written" })).JsonAsync(HttpStatusCode.Created);
        var withConsent = await (await fkClient.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        var moveOwn = await fkClient.PostAsJsonAsync($"{url}/commitments/{fksCommitment}/status", new { status = "started" });
        var moveOthers = await fkClient.PostAsJsonAsync($"{url}/commitments/{kommunsCommitment}/status", new { status = "started" });
        var addAsFk = await fkClient.PostAsJsonAsync($"{url}/goals", new { text = "FK:s mål" });
        (await client.PostAsJsonAsync($"/api/participants/{participant}/consents/{consent.GetProperty("id").GetGuid()}/withdrawal", new { })).EnsureSuccessStatusCode();
        var afterWithdrawal = await fkClient.GetAsync(url);
        var kommunWithoutConsent = await factory.ClientFor(Roles.Caseworker, kommun).GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, withoutConsent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, moveWithoutConsent.StatusCode);
        Assert.False(withConsent.GetProperty("complete").GetBoolean());
        Assert.Empty(withConsent.GetProperty("goals").EnumerateArray());
        Assert.Equal(fksCommitment, Assert.Single(withConsent.GetProperty("commitments").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, moveOwn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, moveOthers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, addAsFk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterWithdrawal.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, kommunWithoutConsent.StatusCode);
        Assert.NotEqual(agency, fk);
    }

    [Fact]
    public async Task Overdue_commitments_are_listed_for_the_responsible_agency_only()
    {
        var (agency, client, participant) = await Journey.EnrolledAsync(factory);
        var fk = await factory.KnownActorAsync("Försäkringskassan");
        var url = $"/api/participants/{participant}/plan/commitments";
        var own = (await (await client.PostAsJsonAsync(url, Commitment(agency, due: "2026-03-31"))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var done = (await (await client.PostAsJsonAsync(url, Commitment(agency, due: "2026-03-31"))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"{url}/{done}/status", new { status = "started" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"{url}/{done}/status", new { status = "done" })).EnsureSuccessStatusCode();
        var fks = (await (await client.PostAsJsonAsync(url, Commitment(fk, due: "2026-03-15"))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var fkClient = factory.ClientFor(Roles.Caseworker, fk);

        var mine = await (await client.GetAsync("/api/participants/commitments/overdue?asOf=2026-04-10")).JsonAsync(HttpStatusCode.OK);
        var notYet = await (await client.GetAsync("/api/participants/commitments/overdue?asOf=2026-03-31")).JsonAsync(HttpStatusCode.OK);
        var fkWithoutConsent = await (await fkClient.GetAsync("/api/participants/commitments/overdue?asOf=2026-04-10")).JsonAsync(HttpStatusCode.OK);
        (await client.PostAsJsonAsync($"/api/participants/{participant}/consents",
            new { purpose = "share-action-plan", recipientActorId = fk, givenOn = "2026-02-01", method = "oral" })).EnsureSuccessStatusCode();
        var fkWithConsent = await (await fkClient.GetAsync("/api/participants/commitments/overdue?asOf=2026-04-10")).JsonAsync(HttpStatusCode.OK);

        var overdue = Assert.Single(mine.EnumerateArray());
        Assert.Equal(own, overdue.GetProperty("commitment").GetProperty("id").GetGuid());
        Assert.Equal(10, overdue.GetProperty("daysOverdue").GetInt32());
        Assert.Empty(notYet.EnumerateArray());
        Assert.Empty(fkWithoutConsent.EnumerateArray());
        Assert.Equal(fks, Assert.Single(fkWithConsent.EnumerateArray()).GetProperty("commitment").GetProperty("id").GetGuid());
    }
}
