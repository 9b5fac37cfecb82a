using System.Net;
using System.Net.Http.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>
/// An adversarial sweep over the newer endpoints (interventions, assessment, governance, meetings, agreement
/// delivery): every bad input is a 400 problem details naming the field, and If-Match garbage is 412. Never a 500.
/// Ids, query parameters and access: <see cref="QueryAndAccessAuditTests"/>.
/// </summary>
public sealed class BadInputAuditTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private Task<AuditWorld> WorldAsync() => AuditWorld.For(factory);

    private static readonly string Long301 = new('x', 301);
    private static readonly string Long2001 = new('x', 2001);
    private static readonly string Long4001 = new('x', 4001);

    public static TheoryData<string, string> BadInterventions => new()
    {
        { """{"name":"X","category":"internship",""", "$" },
        { """[1,2,3]""", "$" },
        { """{"name":"   ","category":"internship","eligibility":"Alla","openRegardlessOfBenefit":true}""", "name" },
        { """{"name":"","category":"internship","eligibility":"Alla","openRegardlessOfBenefit":true}""", "name" },
        { $$"""{"name":"{{Long301}}","category":"internship","eligibility":"Alla","openRegardlessOfBenefit":true}""", "name" },
        { """{"name":"Jobb\u0000coach","category":"internship","eligibility":"Alla","openRegardlessOfBenefit":true}""", "name" },
        { """{"name":42,"category":"internship","eligibility":"Alla","openRegardlessOfBenefit":true}""", "name" },
        { """{"name":"X","category":3,"eligibility":"Alla","openRegardlessOfBenefit":true}""", "category" },
        { """{"name":"X","category":"Internship","eligibility":"Alla","openRegardlessOfBenefit":true}""", "category" },
        { """{"name":"X","eligibility":"Alla","openRegardlessOfBenefit":true}""", "category" },
        { """{"name":"X","category":"internship","eligibility":" \t ","openRegardlessOfBenefit":true}""", "eligibility" },
        { $$"""{"name":"X","category":"internship","eligibility":"{{Long2001}}","openRegardlessOfBenefit":true}""", "eligibility" },
        { """{"name":"X","category":"internship","eligibility":"Alla","capacity":-1,"openRegardlessOfBenefit":true}""", "capacity" },
        { """{"name":"X","category":"internship","eligibility":"Alla","capacity":100001,"openRegardlessOfBenefit":true}""", "capacity" },
        { """{"name":"X","category":"internship","eligibility":"Alla","capacity":"ten","openRegardlessOfBenefit":true}""", "capacity" },
        { """{"name":"X","category":"internship","eligibility":"Alla","capacity":1.5,"openRegardlessOfBenefit":true}""", "capacity" },
        { """{"name":"X","category":"internship","eligibility":"Alla","capacity":99999999999,"openRegardlessOfBenefit":true}""", "capacity" },
        { """{"name":"X","category":"internship","eligibility":"Alla","openRegardlessOfBenefit":"yes"}""", "openRegardlessOfBenefit" },
    };

    [Theory]
    [MemberData(nameof(BadInterventions))]
    public async Task Bad_intervention_on_create_and_replace_is_400_naming_the_field(string body, string field)
    {
        var w = await WorldAsync();
        var client = factory.ClientFor(Roles.Coordinator, w.Owner);
        await Problems.AssertBadRequestNaming(await client.PostAsync($"/api/actors/{w.Owner}/interventions", RawJson.Of(body)), field);

        var url = $"/api/actors/{w.Owner}/interventions/{w.Intervention}";
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = RawJson.Of(body) };
        put.Headers.TryAddWithoutValidation("If-Match", await client.ETagAsync(url));
        await Problems.AssertBadRequestNaming(await client.SendAsync(put), field);
    }

    public static TheoryData<string> GarbageIfMatch => new() { "garbage", "\"abc\"", "\"-1\"", "\"99999999999999999999\"", "W/\"\"", "\"", "\"1\", \"2\"" };

    [Theory]
    [MemberData(nameof(GarbageIfMatch))]
    public async Task If_match_garbage_is_412_on_every_replace(string ifMatch)
    {
        var w = await WorldAsync();
        var client = factory.ClientFor(Roles.Coordinator, w.Owner);
        var writes = new (string Url, object Body)[]
        {
            ($"/api/actors/{w.Owner}/interventions/{w.Intervention}",
                new { name = "Jobbcoachning", category = "supported-employment", eligibility = "Alla", openRegardlessOfBenefit = true }),
            ($"/api/collaborations/{w.Collaboration}/governance", new { steeringGroup = Array.Empty<object>() }),
            ($"/api/collaborations/{w.Collaboration}/meetings/{w.Meeting}", new { date = "2026-03-01", kind = "steering-group" }),
            ($"/api/collaborations/{w.Collaboration}/assessment-rounds/1/answers", new { answers = new[] { new { criterion = "mandate", score = 3 } } }),
        };
        // The answers need a first submission before If-Match is compared against anything.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(writes[3].Url, writes[3].Body)).StatusCode);
        foreach (var (url, body) in writes)
        {
            var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
            put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            var response = await client.SendAsync(put);
            // Garbage can never match the current version: a stale write, not bad input.
            Assert.True(response.StatusCode == HttpStatusCode.PreconditionFailed, $"{url} with If-Match {ifMatch}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    public static TheoryData<string, string> BadRounds => new()
    {
        { "{}", "heldOn" },
        { """{"heldOn":null}""", "heldOn" },
        { """{"heldOn":"2026-02-30"}""", "heldOn" },
        { """{"heldOn":"2026-13-01"}""", "heldOn" },
        { """{"heldOn":"yesterday"}""", "heldOn" },
        { """{"heldOn":20260301}""", "heldOn" },
        { """{"heldOn":"2026-03-01T10:00:00Z"}""", "heldOn" },
        { """{"heldOn":"2026-01-01"}""", "heldOn" }, // before round 1
        { """{"heldOn":"9999-12-31"}""", "heldOn" },
        { """{"heldOn":""", "heldOn" },
    };

    [Theory]
    [MemberData(nameof(BadRounds))]
    public async Task Bad_assessment_round_is_400_naming_the_field(string body, string field)
    {
        var w = await WorldAsync();
        var response = await factory.ClientFor(Roles.Coordinator, w.Owner).PostAsync($"/api/collaborations/{w.Collaboration}/assessment-rounds", RawJson.Of(body));
        await Problems.AssertBadRequestNaming(response, field);
    }

    public static TheoryData<string, string> BadAnswers => new()
    {
        { """{"answers":[{"criterion":"mandate","score":"five"}]}""", "answers[0].score" },
        { """{"answers":[{"criterion":"mandate","score":3.5}]}""", "answers[0].score" },
        { """{"answers":[{"criterion":"mandate","score":-2147483648}]}""", "answers[0].score" },
        { """{"answers":[{"criterion":"mandate"}]}""", "answers[0].score" },
        { """{"answers":[{"score":3}]}""", "answers[0].criterion" },
        { """{"answers":[{"criterion":1,"score":3}]}""", "answers[0].criterion" },
        { """{"answers":[null]}""", "answers[0]" },
        { $$"""{"answers":[{"criterion":"mandate","score":3,"comment":"{{Long2001}}"}]}""", "answers[0].comment" },
        { """{"answers":"all good"}""", "answers" },
        { """{}""", "answers" },
        { """{"actorId":"not-a-guid","answers":[{"criterion":"mandate","score":3}]}""", "actorId" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Bad_assessment_answers_are_400_naming_the_field(string body, string field)
    {
        var w = await WorldAsync();
        var response = await factory.ClientFor(Roles.Coordinator, w.Partner)
            .PutAsync($"/api/collaborations/{w.Collaboration}/assessment-rounds/1/answers", RawJson.Of(body));
        await Problems.AssertBadRequestNaming(response, field);
    }

    public static TheoryData<string, string> BadGovernance => new()
    {
        { "{}", "steeringGroup" },
        { """{"steeringGroup":[{"name":"   ","actorId":"OWNER","hasMandate":true}]}""", "steeringGroup[0].name" },
        { $$"""{"steeringGroup":[{"name":"{{Long301}}","actorId":"OWNER","hasMandate":true}]}""", "steeringGroup[0].name" },
        { """{"steeringGroup":[{"name":"A","hasMandate":true}]}""", "steeringGroup[0].actorId" },
        { """{"steeringGroup":[{"name":"A","actorId":"nope","hasMandate":true}]}""", "steeringGroup[0].actorId" },
        { """{"steeringGroup":[{"name":"A","actorId":"OWNER"}]}""", "steeringGroup[0].hasMandate" },
        { """{"steeringGroup":[{"name":"A","actorId":"OWNER","hasMandate":1}]}""", "steeringGroup[0].hasMandate" },
        { """{"steeringGroup":[],"processLeader":{"name":" "}}""", "processLeader.name" },
        { """{"steeringGroup":[],"processLeader":{}}""", "processLeader.name" },
        { """{"steeringGroup":[],"processLeader":"Anna"}""", "processLeader" },
        { """{"steeringGroup":[],"processLeader":{"name":"An\u0000na"}}""", "processLeader.name" },
        { """{"steeringGroup":[],"workingGroups":[{"name":"G","purpose":"  "}]}""", "workingGroups[0].purpose" },
        { """{"steeringGroup":[],"workingGroups":[{"purpose":"P"}]}""", "workingGroups[0].name" },
        { """{"steeringGroup":[],"workingGroups":[{"name":"G","purpose":"P","members":[null]}]}""", "workingGroups[0].members[0]" },
        { """{"steeringGroup":[],"workingGroups":[{"name":"G","purpose":"P","members":[{"name":"\n","fromTargetGroup":true}]}]}""", "workingGroups[0].members[0].name" },
        { """{"steeringGroup":[],"workingGroups":[{"name":"G","purpose":"P","members":[{"name":"A"}]}]}""", "workingGroups[0].members[0].actorId" },
    };

    [Theory]
    [MemberData(nameof(BadGovernance))]
    public async Task Bad_governance_is_400_naming_the_field(string body, string field)
    {
        var w = await WorldAsync();
        var client = factory.ClientFor(Roles.Coordinator, w.Owner);
        var url = $"/api/collaborations/{w.Collaboration}/governance";
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = RawJson.Of(body.Replace("OWNER", w.Owner.ToString())) };
        put.Headers.TryAddWithoutValidation("If-Match", await client.ETagAsync(url));
        await Problems.AssertBadRequestNaming(await client.SendAsync(put), field);
    }

    public static TheoryData<string, string> BadMeetings => new()
    {
        { """{"kind":"steering-group"}""", "date" },
        { """{"date":"2026-02-30","kind":"steering-group"}""", "date" },
        { """{"date":"2026-03-01"}""", "kind" },
        { """{"date":"2026-03-01","kind":"party"}""", "kind" },
        { """{"date":"2026-03-01","kind":1}""", "kind" },
        { """{"date":"2026-03-01","kind":"SteeringGroup"}""", "kind" },
        { """{"date":"2026-03-01","kind":"Steering-Group"}""", "kind" },
        { """{"date":"2026-03-01","kind":"steering-group, check-in"}""", "kind" },
        { """{"date":"9999-12-31","kind":"steering-group"}""", "date" },
        { """{"date":"1066-10-14","kind":"steering-group"}""", "date" },
        { """{"date":"2026-03-01","kind":"steering-group","attendees":[{"name":"  "}]}""", "attendees[0].name" },
        { """{"date":"2026-03-01","kind":"steering-group","attendees":[null]}""", "attendees[0]" },
        { """{"date":"2026-03-01","kind":"steering-group","attendees":[{"name":"A","actorId":"x"}]}""", "attendees[0].actorId" },
        { """{"date":"2026-03-01","kind":"steering-group","decisions":[{"text":" ","decidedBy":"Styrgruppen"}]}""", "decisions[0].text" },
        { """{"date":"2026-03-01","kind":"steering-group","decisions":[{"text":"T","decidedBy":""}]}""", "decisions[0].decidedBy" },
        { $$"""{"date":"2026-03-01","kind":"steering-group","decisions":[{"text":"{{Long4001}}","decidedBy":"S"}]}""", "decisions[0].text" },
        { """{"date":"2026-03-01","kind":"steering-group","decisions":[{"text":"T","decidedBy":"S","followUpDate":"2026-02-31"}]}""", "decisions[0].followUpDate" },
        { """{"date":"2026-03-01","kind":"steering-group","decisions":[{"text":"T","decidedBy":"S","followUpDate":"2026-02-01"}]}""", "decisions[0].followUpDate" },
        { """{"date":"2026-03-01","kind":"steering-group","decisions":[{"text":"T","decidedBy":"S","done":"no"}]}""", "decisions[0].done" },
    };

    [Theory]
    [MemberData(nameof(BadMeetings))]
    public async Task Bad_meeting_on_create_and_replace_is_400_naming_the_field(string body, string field)
    {
        var w = await WorldAsync();
        var client = factory.ClientFor(Roles.Coordinator, w.Owner);
        await Problems.AssertBadRequestNaming(await client.PostAsync($"/api/collaborations/{w.Collaboration}/meetings", RawJson.Of(body)), field);

        var url = $"/api/collaborations/{w.Collaboration}/meetings/{w.Meeting}";
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = RawJson.Of(body) };
        put.Headers.TryAddWithoutValidation("If-Match", await client.ETagAsync(url));
        await Problems.AssertBadRequestNaming(await client.SendAsync(put), field);
    }

}
