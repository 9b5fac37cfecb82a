using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// An adversarial sweep over the newer endpoints (matching profiles, candidates, pipelines and moves, support
/// contacts): bad input is a 400 problem details naming the field. Never a 500. Ids, query parameters and access:
/// <see cref="QueryAndAccessAuditTests"/>.
/// </summary>
public sealed class BadInputAuditTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private Task<AuditWorld> WorldAsync() => AuditWorld.For(factory);

    /// <summary>A valid profile with one field replaced (or removed when <paramref name="json"/> is null).</summary>
    private static string Profile(string field, string? json)
    {
        var body = JsonSerializer.SerializeToNode(ProfileBody("7119"))!.AsObject();
        body.Remove(field);
        if (json is not null)
            body[field] = JsonNode.Parse(json);
        return body.ToJsonString();
    }

    public static TheoryData<string, string?, string> BadProfiles => new()
    {
        { "occupationCodes", null, "occupationCodes" },
        { "occupationCodes", "[]", "occupationCodes" },
        { "occupationCodes", "\"7119\"", "occupationCodes" },
        { "occupationCodes", "[null]", "occupationCodes[0]" },
        { "occupationCodes", "[7119]", "occupationCodes[0]" },
        { "occupationCodes", "[\"  \"]", "occupationCodes[0]" },
        { "occupationCodes", "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]", "occupationCodes" },
        { "skills", "[\"   \"]", "skills[0]" },
        { "skills", "[null]", "skills[0]" },
        { "skills", $"[\"{new string('s', 101)}\"]", "skills[0]" },
        { "skills", "[" + string.Join(',', Enumerable.Repeat("\"a\"", 51)) + "]", "skills" },
        { "languages", "[\"\"]", "languages[0]" },
        { "skills", "[\"truck\\u0000kort\"]", "skills[0]" },
        { "swedishLevel", null, "swedishLevel" },
        { "swedishLevel", "\"expert\"", "swedishLevel" },
        { "swedishLevel", "2", "swedishLevel" },
        { "municipalityCode", null, "municipalityCode" },
        { "municipalityCode", "\"\"", "municipalityCode" },
        { "municipalityCode", "\"08800\"", "municipalityCode" },
        { "municipalityCode", "880", "municipalityCode" },
        { "maxCommuteKm", "-1", "maxCommuteKm" },
        { "maxCommuteKm", "501", "maxCommuteKm" },
        { "maxCommuteKm", "\"far\"", "maxCommuteKm" },
        { "maxCommuteKm", "12.5", "maxCommuteKm" },
        { "availableFrom", null, "availableFrom" },
        { "availableFrom", "\"2026-02-30\"", "availableFrom" },
        { "availableFrom", "\"next week\"", "availableFrom" },
        { "availableFrom", "\"0001-01-01\"", "availableFrom" },
        { "availableFrom", "\"9999-12-31\"", "availableFrom" },
        { "hoursPerWeek", null, "hoursPerWeek" },
        { "hoursPerWeek", "0", "hoursPerWeek" },
        { "hoursPerWeek", "-5", "hoursPerWeek" },
        { "hoursPerWeek", "61", "hoursPerWeek" },
        { "hoursPerWeek", "1e30", "hoursPerWeek" },
        { "hoursPerWeek", "\"forty\"", "hoursPerWeek" },
        { "adaptationsNeeded", $"[\"{new string('a', 201)}\"]", "adaptationsNeeded[0]" },
        { "readiness", "\"maybe\"", "readiness" },
        { "readiness", "3", "readiness" },
        { "drivingLicence", "\"yes\"", "drivingLicence" },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task Bad_matching_profile_is_400_naming_the_field(string field, string? json, string expected)
    {
        var w = await WorldAsync();
        var response = await w.Staff.PutAsync($"/api/employers/matching-profiles/{Guid.NewGuid()}", RawJson.Of(Profile(field, json)));
        await Problems.AssertBadRequestNaming(response, expected);
    }

    [Theory]
    [InlineData("{\"occupationCodes\":")]
    [InlineData("[]")]
    [InlineData("\"profile\"")]
    public async Task Malformed_profile_json_is_400(string body)
    {
        var w = await WorldAsync();
        var response = await w.Staff.PutAsync($"/api/employers/matching-profiles/{Guid.NewGuid()}", RawJson.Of(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"abc\"")]
    [InlineData("\"-1\"")]
    [InlineData("W/\"\"")]
    [InlineData("\"99999999999999999999\"")]
    public async Task If_match_garbage_on_a_profile_is_412(string ifMatch)
    {
        var w = await WorldAsync();
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/employers/matching-profiles/{w.Participant}") { Content = JsonContent.Create(ProfileBody("7119")) };
        put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await w.Staff.SendAsync(put);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, string> BadProposals => new()
    {
        { "{}", "participantId" },
        { """{"participantId":"PARTICIPANT"}""", "offerId" },
        { """{"participantId":"nope","offerId":"OFFER"}""", "participantId" },
        { """{"participantId":"PARTICIPANT","offerId":42}""", "offerId" },
        { """{"participantId":"PARTICIPANT","offerId":"OFFER","proposedOn":"2026-02-30"}""", "proposedOn" },
        { """{"participantId":"PARTICIPANT","offerId":"OFFER","proposedOn":"9999-12-31"}""", "proposedOn" },
        { """{"participantId":"PARTICIPANT","offerId":"OFFER","proposedOn":"0001-01-01"}""", "proposedOn" },
        { """{"participantId":"PARTICIPANT",""", "$" },
    };

    [Theory]
    [MemberData(nameof(BadProposals))]
    public async Task Bad_proposal_is_400_naming_the_field(string body, string field)
    {
        var w = await WorldAsync();
        var json = body.Replace("PARTICIPANT", w.Participant.ToString()).Replace("OFFER", w.Offer.ToString());
        var response = await w.Staff.PostAsync("/api/employers/pipelines", RawJson.Of(json));
        if (field == "$")
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        else
            await Problems.AssertBadRequestNaming(response, field);
    }

    public static TheoryData<string, string> BadMoves => new()
    {
        { "{}", "stage" },
        { """{"date":"2026-02-01"}""", "stage" },
        { """{"stage":"employed"}""", "date" },
        { """{"stage":"hired","date":"2026-02-01"}""", "stage" },
        { """{"stage":4,"date":"2026-02-01"}""", "stage" },
        { """{"stage":"employed","date":"2026-02-30"}""", "date" },
        { """{"stage":"employed","date":"2026-1-1"}""", "date" },
        { """{"stage":"employed","date":"9999-12-31"}""", "date" },
        { """{"stage":"employed","date":"0001-01-01"}""", "date" },
    };

    [Theory]
    [MemberData(nameof(BadMoves))]
    public async Task Bad_move_is_400_naming_the_field(string body, string field)
    {
        var w = await WorldAsync();
        await Problems.AssertBadRequestNaming(await w.Staff.PostAsync($"/api/employers/pipelines/{w.Pipeline}/moves", RawJson.Of(body)), field);
    }

    public static TheoryData<string, string> BadSupportContacts => new()
    {
        { "{}", "date" },
        { """{"with":"employer","channel":"phone"}""", "date" },
        { """{"date":"2026-02-30","with":"employer","channel":"phone"}""", "date" },
        { """{"date":"2026-01-01","with":"employer","channel":"phone"}""", "date" }, // before the placement
        { """{"date":"9999-12-31","with":"employer","channel":"phone"}""", "date" },
        { """{"date":"2026-02-01","channel":"phone"}""", "with" },
        { """{"date":"2026-02-01","with":"boss","channel":"phone"}""", "with" },
        { """{"date":"2026-02-01","with":1,"channel":"phone"}""", "with" },
        { """{"date":"2026-02-01","with":"employer"}""", "channel" },
        { """{"date":"2026-02-01","with":"employer","channel":"pigeon"}""", "channel" },
        { $$"""{"date":"2026-02-01","with":"employer","channel":"phone","notes":"{{new string('n', 4001)}}"}""", "notes" },
        { """{"date":"2026-02-01","with":"employer","channel":"phone","notes":17}""", "notes" },
        { """{"date":"2026-02-01","with":"employer","channel":"phone","notes":"a\u0000b"}""", "notes" },
    };

    [Theory]
    [MemberData(nameof(BadSupportContacts))]
    public async Task Bad_support_contact_is_400_naming_the_field(string body, string field)
    {
        var w = await WorldAsync();
        await Problems.AssertBadRequestNaming(await w.Staff.PostAsync($"/api/employers/pipelines/{w.Pipeline}/support-contacts", RawJson.Of(body)), field);
    }

}
