using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>Other services' copies of an actor follow it: a rename reaches them, and a copy wiped is replayed from Actors.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CopiesGatewayTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Renaming_an_actor_shows_the_new_name_in_Employers_contact_log_and_Participants_known_actors()
    {
        var agency = await RegisterActorAsync("Jobbtorget Väst");
        var staff = platform.ClientFor(Roles.Coordinator, agency);
        var employer = await Eventually.Until(() => staff.PostAsJsonAsync("/api/employers", new
            {
                organisationNumber = TestNumbers.NewOrganisationNumber(), name = "Verkstad AB", industryCode = "25110", municipalityCode = "0880",
                sizeBand = "small", ownerActorId = agency,
            }),
            r => r.StatusCode != HttpStatusCode.BadRequest, Deadline, "Employers to know the agency");
        var employerId = (await employer.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await staff.PostAsJsonAsync($"/api/employers/{employerId}/contacts", new
        {
            staffMember = "Handläggare", date = "2026-02-02", channel = "phone", purpose = "Praktikplatser",
        })).EnsureSuccessStatusCode();

        await RenameAsync(staff, agency, "Jobbtorget Väst och Norr");

        await Eventually.Until(() => ContactLogNameAsync(staff, employerId), name => name == "Jobbtorget Väst och Norr", Deadline,
            "the contact log to show the new name");
        await Eventually.Until(() => KnownNameAsync(staff, "/api/participants/actors", agency), name => name == "Jobbtorget Väst och Norr", Deadline,
            "Participants' known actors to show the new name");
    }

    [Fact]
    public async Task A_wiped_copy_of_an_actor_comes_back_as_it_now_is_when_the_operator_asks_for_a_replay()
    {
        var agency = await RegisterActorAsync("Arbetsmarknadsenheten Öst");
        var coordinator = platform.ClientFor(Roles.Coordinator, agency);
        await Eventually.Until(() => KnownNameAsync(coordinator, "/api/employers/actors", agency), name => name is not null, Deadline, "Employers to know it");
        await Eventually.Until(() => KnownNameAsync(coordinator, "/api/participants/actors", agency), name => name is not null, Deadline, "Participants to know it");
        await RenameAsync(coordinator, agency, "Arbetsmarknadsenheten Östra");
        await Eventually.Until(() => KnownNameAsync(coordinator, "/api/participants/actors", agency), name => name == "Arbetsmarknadsenheten Östra", Deadline,
            "the rename to arrive");

        foreach (var database in new[] { ResourceNames.ParticipantsDb, ResourceNames.EmployersDb })
            await WipeKnownActorAsync(database, agency);
        Assert.Null(await KnownNameAsync(coordinator, "/api/employers/actors", agency));
        Assert.Null(await KnownNameAsync(coordinator, "/api/participants/actors", agency));

        var operatorClient = platform.ClientFor(Roles.Operator);
        Assert.Equal(HttpStatusCode.Accepted, (await operatorClient.PostAsync("/api/participants/admin/copy-replays", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await operatorClient.PostAsync("/api/employers/admin/copy-replays", null)).StatusCode);

        await Eventually.Until(() => KnownNameAsync(coordinator, "/api/participants/actors", agency), name => name == "Arbetsmarknadsenheten Östra", Deadline,
            "Participants' copy to be replayed");
        await Eventually.Until(() => KnownNameAsync(coordinator, "/api/employers/actors", agency), name => name == "Arbetsmarknadsenheten Östra", Deadline,
            "Employers' copy to be replayed");
    }

    private async Task<Guid> RegisterActorAsync(string name) =>
        (await (await platform.ClientFor(Roles.Admin).PostAsJsonAsync("/api/actors", new
        {
            name, organisationNumber = TestNumbers.NewOrganisationNumber(), sector = "public", kind = "municipality", municipalityCode = "0880",
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>The actor's own coordinator renames it, with the ETag it read.</summary>
    private static async Task RenameAsync(HttpClient coordinator, Guid actor, string name)
    {
        var read = await coordinator.GetAsync($"/api/actors/{actor}");
        var current = await read.ReadJsonAsync(HttpStatusCode.OK);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/actors/{actor}")
        {
            Content = JsonContent.Create(new
            {
                name, sector = current.GetProperty("sector").GetString(), kind = current.GetProperty("kind").GetString(), municipalityCode = "0880",
            }),
        };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(read.Headers.ETag!.Tag));
        await (await coordinator.SendAsync(put)).ReadJsonAsync(HttpStatusCode.OK);
    }

    private static async Task<string?> ContactLogNameAsync(HttpClient client, Guid employer)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/employers/{employer}/contacts");
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("actorName").GetString();
    }

    /// <summary>The name a service's copy holds for the actor, or null when it holds none (the list is paged, so searched page by page).</summary>
    private static async Task<string?> KnownNameAsync(HttpClient client, string path, Guid id)
    {
        for (var page = 1; ; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"{path}?page={page}&pageSize=200");
            var items = body.GetProperty("items").EnumerateArray().ToList();
            if (items.FirstOrDefault(a => a.GetProperty("id").GetGuid() == id) is { ValueKind: JsonValueKind.Object } hit)
                return hit.GetProperty("name").GetString();
            if (page * body.GetProperty("pageSize").GetInt32() >= body.GetProperty("total").GetInt32())
                return null;
        }
    }

    private async Task WipeKnownActorAsync(string database, Guid actor)
    {
        await using var connection = new NpgsqlConnection(platform.Platform.Run.Databases[database]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM known_actors WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", actor);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
