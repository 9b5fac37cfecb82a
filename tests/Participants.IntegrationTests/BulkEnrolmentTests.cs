using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>POST /api/participants/bulk: JSON array or CSV, a result per row, a rejected row writes nothing.</summary>
public sealed class BulkEnrolmentTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    private const string EnrolledType = "Samverkan.Contracts.Participants.ParticipantEnrolled,";

    private async Task<(HttpClient Client, Guid Collaboration)> ReferrerAsync()
    {
        var agency = await factory.KnownActorAsync();
        var collaboration = Guid.NewGuid();
        await factory.MemberAsync(collaboration, agency);
        return (factory.ClientFor(Roles.Caseworker, agency), collaboration);
    }

    private static async Task<JsonElement[]> RowsAsync(HttpResponseMessage response) =>
        (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("rows").EnumerateArray().ToArray();

    private Task<int> EnrolledEventsAsync(Guid collaboration) => factory.WithDbAsync(async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.StartsWith(EnrolledType)).Select(m => m.Body).ToListAsync())
        .Count(b => b.Contains(collaboration.ToString())));

    [Fact]
    public async Task A_json_batch_answers_per_row_and_writes_only_the_accepted_rows()
    {
        var (client, collaboration) = await ReferrerAsync();
        var existing = await AuthorizationTests.EnrolAsync(client, new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = "811218-9876" });
        var fresh = TestPeople.NewNumber();
        object[] batch =
        [
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = fresh },                      // 0 created
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = "19811218-9876" },            // 1 already enrolled
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = "811218-9875" },              // 2 bad check digit
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = fresh.Replace("-", "") },     // 3 the same as row 0
            new { collaborationId = collaboration, personalIdentityNumber = TestPeople.NewNumber(), gender = "other" }, // 4 unknown gender
            new EnrolBody { CollaborationId = Guid.NewGuid(), PersonalIdentityNumber = TestPeople.NewNumber() },    // 5 unknown collaboration
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = null, WithoutNumber = "anonymous", Gender = "woman", MunicipalityCode = "1299" }, // 6
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = null, WithoutNumber = "protected-identity", Gender = "man" }, // 7 created
        ];

        var rows = await RowsAsync(await client.PostAsJsonAsync("/api/participants/bulk", batch));

        Assert.Equal(["created", "already-enrolled", "rejected", "already-enrolled", "rejected", "rejected", "rejected", "created"],
            rows.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(Enumerable.Range(0, 8), rows.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(existing, rows[1].GetProperty("participantId").GetGuid());
        Assert.Equal(rows[0].GetProperty("participantId").GetGuid(), rows[3].GetProperty("participantId").GetGuid());
        Assert.True(rows[2].GetProperty("errors").TryGetProperty("personalIdentityNumber", out _));
        Assert.True(rows[4].GetProperty("errors").TryGetProperty("gender", out _));
        Assert.True(rows[5].GetProperty("errors").TryGetProperty("collaborationId", out _));
        Assert.True(rows[6].GetProperty("errors").TryGetProperty("municipalityCode", out _));
        Assert.All(rows.Where(r => r.GetProperty("status").GetString() == "rejected"), r => Assert.False(r.TryGetProperty("participantId", out _)));
        // The existing participant plus two created; one ParticipantEnrolled each, none for a rejected row.
        Assert.Equal(3, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CollaborationId == collaboration)));
        Assert.Equal(3, await EnrolledEventsAsync(collaboration));
    }

    [Fact]
    public async Task A_csv_batch_with_a_header_enrols_like_json_and_never_echoes_a_number()
    {
        var (client, collaboration) = await ReferrerAsync();
        var (one, two) = (TestPeople.NewNumber(), TestPeople.NewNumber());
        var csv = new StringBuilder()
            .AppendLine("collaborationId;personalIdentityNumber;name;municipalityCode;referralDate;startDate;targetGroups;benefitAtStart;labourMarketStatus;educationLevel")
            .AppendLine($"{collaboration};{one};\"Andersson; Eva\";0880;2026-01-05;2026-01-10;young|newly-arrived;activity-support;unemployed;primary-or-lower-secondary")
            .AppendLine($"{collaboration};{two};;0880;2026-01-05;2026-01-10;;sickness-benefit;inactive;tertiary")
            .AppendLine($"{collaboration};811218-9875;;0880;2026-01-05;2026-01-10;;galaxy;unemployed;tertiary")
            .ToString();

        var response = await client.PostAsync("/api/participants/bulk", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var text = await response.Content.ReadAsStringAsync();
        var rows = await RowsAsync(response);

        Assert.Equal(["created", "created", "rejected"], rows.Select(r => r.GetProperty("status").GetString()));
        Assert.True(rows[2].GetProperty("errors").TryGetProperty("benefitAtStart", out _), text);
        foreach (var number in new[] { "811218-9875", "8112189875", one, one.Replace("-", ""), two })
            Assert.DoesNotContain(number, text);
        var created = await factory.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == rows[0].GetProperty("participantId").GetGuid()));
        Assert.Equal([TargetGroup.Young, TargetGroup.NewlyArrived], created.TargetGroups);
        Assert.Equal(2, await EnrolledEventsAsync(collaboration));
    }

    [Fact]
    public async Task More_than_a_thousand_rows_or_none_is_400_naming_rows_and_writes_nothing()
    {
        var (client, collaboration) = await ReferrerAsync();
        var tooMany = Enumerable.Range(0, 1001).Select(_ => new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = TestPeople.NewNumber() }).ToList();

        await (await client.PostAsJsonAsync("/api/participants/bulk", tooMany)).AssertNamesField("rows");
        await (await client.PostAsJsonAsync("/api/participants/bulk", Array.Empty<EnrolBody>())).AssertNamesField("rows");
        await (await client.PostAsJsonAsync("/api/participants/bulk", new EnrolBody { CollaborationId = collaboration })).AssertNamesField("rows");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CollaborationId == collaboration)));
    }

    [Fact]
    public async Task A_csv_header_with_an_unknown_column_is_400_naming_header()
    {
        var (client, collaboration) = await ReferrerAsync();
        var csv = $"collaborationId,personnummer\n{collaboration},811218-9876\n";

        var response = await client.PostAsync("/api/participants/bulk", new StringContent(csv, Encoding.UTF8, "text/csv"));

        await response.AssertNamesField("header");
    }

    [Fact]
    public async Task A_full_batch_of_a_thousand_is_enrolled_in_one_request()
    {
        var (client, collaboration) = await ReferrerAsync();
        var batch = Enumerable.Range(0, 1000).Select(_ => new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = TestPeople.NewNumber() }).ToList();

        var body = await (await client.PostAsJsonAsync("/api/participants/bulk", batch)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1000, body.GetProperty("created").GetInt32());
        Assert.Equal(1000, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CollaborationId == collaboration)));
        Assert.Equal(1000, await EnrolledEventsAsync(collaboration));
    }

    [Fact]
    public async Task Employers_may_not_bulk_enrol_and_a_caseworker_may_not_name_another_referrer()
    {
        var (client, collaboration) = await ReferrerAsync();
        var other = await factory.KnownActorAsync("Kommunen");
        await factory.MemberAsync(collaboration, other);
        EnrolBody[] batch = [new() { CollaborationId = collaboration, PersonalIdentityNumber = TestPeople.NewNumber(), ReferringActorId = other }];

        var asEmployer = await factory.ClientFor(Roles.Employer, other).PostAsJsonAsync("/api/participants/bulk", batch);
        var rows = await RowsAsync(await client.PostAsJsonAsync("/api/participants/bulk", batch));

        Assert.Equal(HttpStatusCode.Forbidden, asEmployer.StatusCode);
        Assert.Equal("rejected", rows[0].GetProperty("status").GetString());
        Assert.True(rows[0].GetProperty("errors").TryGetProperty("referringActorId", out _));
    }

    [Fact]
    public async Task The_bulk_endpoint_is_in_the_openapi_document_with_json_csv_and_the_columns()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var post = document.GetProperty("paths").GetProperty("/api/participants/bulk").GetProperty("post");
        var content = post.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(content.TryGetProperty("text/csv", out _));
        var description = post.GetProperty("description").GetString()!;
        foreach (var column in new[] { "collaborationId", "personalIdentityNumber", "withoutNumber", "targetGroups", "startDate", "'|'" })
            Assert.Contains(column, description);
    }
}
