using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

[Collection(PlatformCollection.Name)]
public sealed class ActorPipelineTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Actor_posted_through_the_gateway_shows_in_Reporting_Participants_and_Employers()
    {
        var client = platform.ClientFor(Roles.Caseworker);
        var before = await CivilSocietyCountAsync(client);

        var response = await client.PostAsJsonAsync("/api/actors", new
        {
            name = "Stadsmissionen", organisationNumber = "802479-0001", sector = "civil-society", kind = "civil-society-organisation",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.Until(() => CivilSocietyCountAsync(client), n => n == before + 1, Deadline, "the actor in Reporting's count");
        await Eventually.Until(() => KnowsActorAsync(client, "/api/participants/actors", id), Deadline, "the actor in Participants");
        await Eventually.Until(() => KnowsActorAsync(client, "/api/employers/actors", id), Deadline, "the actor in Employers");
    }

    private static async Task<int> CivilSocietyCountAsync(HttpClient client)
    {
        var report = await client.GetFromJsonAsync<JsonElement>("/api/reports/actors-by-sector");
        return report.GetProperty("sectors").EnumerateArray()
            .Single(s => s.GetProperty("sector").GetString() == "civil-society").GetProperty("count").GetInt32();
    }

    private static async Task<bool> KnowsActorAsync(HttpClient client, string path, Guid id)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"{path}?pageSize=200");
        return page.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("id").GetGuid() == id);
    }
}
