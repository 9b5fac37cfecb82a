using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Actors.IntegrationTests.RequestData;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Rounds opened by those who manage; each member answers for itself; the summary flags divergence and decline.</summary>
public sealed class AssessmentTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private static object Answers(params (string Criterion, int Score)[] scores) => new
    {
        answers = scores.Select(s => new { criterion = s.Criterion, score = s.Score, comment = "Vi ser det olika." }).ToArray(),
    };

    private static Task<HttpResponseMessage> Submit(HttpClient client, Guid collaboration, int round, object body) =>
        client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/collaborations/{collaboration}/assessment-rounds/{round}/answers", body, null));

    private async Task<HttpResponseMessage> OpenRound(Guid collaboration, Guid owner, string heldOn) =>
        await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync($"/api/collaborations/{collaboration}/assessment-rounds", new { heldOn });

    [Fact]
    public async Task Rounds_are_numbered_in_order_and_cannot_go_back_in_time()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();

        var first = await (await OpenRound(id, owner, "2026-03-01")).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await OpenRound(id, owner, "2026-09-01")).Content.ReadFromJsonAsync<JsonElement>();
        var earlier = await OpenRound(id, owner, "2026-08-01");

        Assert.Equal((1, 2), (first.GetProperty("number").GetInt32(), second.GetProperty("number").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, earlier.StatusCode);
        Problems.AssertNamesField(await earlier.ProblemAsync(), "heldOn");
    }

    [Fact]
    public async Task Only_those_who_manage_open_rounds()
    {
        var partner = await factory.RegisterActorAsync();
        var outsider = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        var url = $"/api/collaborations/{id}/assessment-rounds";
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Coordinator, partner).PostAsJsonAsync(url, new { heldOn = "2026-03-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Coordinator, outsider).PostAsJsonAsync(url, new { heldOn = "2026-03-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Admin, outsider).PostAsJsonAsync(url, new { heldOn = "2026-03-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await factory.ClientFor(Roles.Admin, owner).PostAsJsonAsync(url, new { heldOn = "2026-03-01" })).StatusCode);
    }

    [Fact]
    public async Task Members_answer_for_themselves_and_the_summary_flags_divergent_and_falling_criteria()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        await OpenRound(id, owner, "2026-03-01");
        await OpenRound(id, owner, "2026-09-01");
        var ownerClient = factory.ClientFor(Roles.Coordinator, owner);
        var partnerClient = factory.ClientFor(Roles.Coordinator, partner);

        Assert.Equal(HttpStatusCode.OK, (await Submit(ownerClient, id, 1, Answers(("shared-view-of-goals", 4), ("mandate", 4)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Submit(partnerClient, id, 1, Answers(("shared-view-of-goals", 4), ("mandate", 5)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Submit(ownerClient, id, 2, Answers(("shared-view-of-goals", 5)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Submit(partnerClient, id, 2, Answers(("shared-view-of-goals", 1)))).StatusCode);

        var summary = await partnerClient.GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}/assessment");
        var rounds = summary.GetProperty("rounds").EnumerateArray().ToList();
        var goals = rounds[1].GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "shared-view-of-goals");
        Assert.Equal(3.0, goals.GetProperty("mean").GetDouble());
        Assert.Equal(4, goals.GetProperty("spread").GetInt32());
        Assert.Equal(2.0, goals.GetProperty("standardDeviation").GetDouble());
        Assert.Equal(2, goals.GetProperty("answers").GetInt32());
        Assert.True(goals.GetProperty("divergent").GetBoolean());
        Assert.True(goals.GetProperty("falling").GetBoolean()); // 4.0 → 3.0
        Assert.Equal("Gemensam syn på målen", goals.GetProperty("label").GetProperty("sv").GetString());
        var mandate = rounds[0].GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "mandate");
        Assert.False(mandate.GetProperty("divergent").GetBoolean());
        await factory.EventsDispatchedAsync("AssessmentSubmitted", id, 4);
    }

    [Fact]
    public async Task Resubmitting_replaces_the_members_answers()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        await OpenRound(id, owner, "2026-03-01");
        var client = factory.ClientFor(Roles.Coordinator, owner);
        await Submit(client, id, 1, Answers(("clear-purpose", 2), ("mandate", 3)));

        await Submit(client, id, 1, Answers(("clear-purpose", 5)));

        var answers = await client.GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}/assessment-rounds/1/answers");
        var only = Assert.Single(answers.EnumerateArray());
        var answer = Assert.Single(only.GetProperty("answers").EnumerateArray());
        Assert.Equal(("clear-purpose", 5), (answer.GetProperty("criterion").GetString(), answer.GetProperty("score").GetInt32()));
    }

    [Theory]
    [InlineData("""{"answers":[{"criterion":"mandate","score":6}]}""", "answers[0].score")]
    [InlineData("""{"answers":[{"criterion":"mandate","score":0}]}""", "answers[0].score")]
    [InlineData("""{"answers":[{"criterion":"mandate","score":3},{"criterion":"mandate","score":4}]}""", "answers[1].criterion")]
    [InlineData("""{"answers":[]}""", "answers")]
    public async Task Bad_answers_are_400_naming_the_field(string body, string field)
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        await OpenRound(id, owner, "2026-03-01");
        var response = await factory.ClientFor(Roles.Coordinator, owner).PutAsync($"/api/collaborations/{id}/assessment-rounds/1/answers",
            new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }

    [Fact]
    public async Task An_unknown_criterion_is_400()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        await OpenRound(id, owner, "2026-03-01");
        var response = await factory.ClientFor(Roles.Coordinator, owner).PutAsync($"/api/collaborations/{id}/assessment-rounds/1/answers",
            new StringContent("""{"answers":[{"criterion":"happiness","score":3}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_non_member_actor_cannot_answer()
    {
        var partner = await factory.RegisterActorAsync();
        var stranger = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        await OpenRound(id, owner, "2026-03-01");
        var body = new { actorId = stranger, answers = new[] { new { criterion = "mandate", score = 3 } } };

        var byAdmin = await Submit(factory.ClientFor(Roles.Admin, owner), id, 1, body); // the owner's admin does not answer for another actor
        var byStranger = await Submit(factory.ClientFor(Roles.Coordinator, stranger), id, 1, body);
        var forAnotherMember = await Submit(factory.ClientFor(Roles.Coordinator, partner), id, 1, new { actorId = owner, answers = body.answers });
        var byOwnCaseworker = await Submit(factory.ClientFor(Roles.Caseworker, partner), id, 1, new { answers = body.answers });

        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forAnotherMember.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOwnCaseworker.StatusCode); // the policy: coordinators answer for their organisation
    }

    [Fact]
    public async Task A_round_that_does_not_exist_is_404_and_a_stale_if_match_is_412()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var client = factory.ClientFor(Roles.Coordinator, owner);
        Assert.Equal(HttpStatusCode.NotFound, (await Submit(client, id, 1, Answers(("mandate", 3)))).StatusCode);
        await OpenRound(id, owner, "2026-03-01");
        var first = await Submit(client, id, 1, Answers(("mandate", 3)));
        await Submit(client, id, 1, Answers(("mandate", 4)));

        var stale = await client.SendAsync(WithIfMatch(HttpMethod.Put, $"/api/collaborations/{id}/assessment-rounds/1/answers",
            Answers(("mandate", 1)), first.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task Outsiders_get_404_and_employers_403_on_the_summary()
    {
        var (id, owner) = await factory.CreateCollaborationAsync();
        var outsider = await factory.RegisterActorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, outsider).GetAsync($"/api/collaborations/{id}/assessment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer, owner).GetAsync($"/api/collaborations/{id}/assessment")).StatusCode);
    }

    [Fact]
    public async Task The_fifteen_criteria_are_listed_with_swedish_and_english_labels()
    {
        var criteria = await factory.ClientFor(Roles.Caseworker).GetFromJsonAsync<JsonElement>("/api/collaborations/assessment-criteria");
        Assert.Equal(15, criteria.GetArrayLength());
        Assert.Equal("Har medlemmarna mandat att fatta beslut?", criteria[3].GetProperty("label").GetProperty("sv").GetString());
        Assert.Equal("mandate", criteria[3].GetProperty("criterion").GetString());
    }
}
