using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

public sealed class ParticipantFactsTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    private static object Facts(string municipality = "0881", string gender = "non-binary") => new
    {
        gender, municipalityCode = municipality, targetGroups = new[] { "newly-arrived", "long-term-unemployed" },
        labourMarketStatus = "long-term-unemployed", educationLevel = "primary-or-lower-secondary",
    };

    [Fact]
    public async Task A_correction_with_the_current_ETag_is_saved_and_published_once_with_the_state_after_it()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory, new EnrolBody { PersonalIdentityNumber = "811218-9876", Name = "Karl Rättad" });
        var url = $"/api/participants/{participant}/facts";
        var read = await client.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;

        var corrected = await client.SendAsync(Put(url, Facts(), etag));
        var newTag = corrected.Headers.ETag!.Tag;
        var same = await client.SendAsync(Put(url, Facts(), newTag));
        var stale = await client.SendAsync(Put(url, Facts("0882"), etag));
        var without = await client.PutAsJsonAsync(url, Facts("0882"));
        var after = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.NotEqual(etag, newTag);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal((HttpStatusCode)428, without.StatusCode);
        Assert.Equal("0881", after.GetProperty("municipalityCode").GetString());
        Assert.Equal("non-binary", after.GetProperty("gender").GetString());

        var published = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("ParticipantUpdated", participant))).RootElement;
        Assert.Equal("0881", published.GetProperty("municipalityCode").GetString());
        Assert.Equal("non-binary", published.GetProperty("gender").GetString());
        Assert.Equal("30-54", published.GetProperty("ageBand").GetString());
        Assert.Equal(["newly-arrived", "long-term-unemployed"], published.GetProperty("targetGroups").EnumerateArray().Select(t => t.GetString()));
        // The participant's revision: 1 at enrolment, one more with the correction (copies order the states by it).
        var enrolled = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("ParticipantEnrolled", participant))).RootElement;
        Assert.Equal((1, 2), (enrolled.GetProperty("revision").GetInt64(), published.GetProperty("revision").GetInt64()));
        foreach (var secret in new[] { "9876", "811218", "Karl", "1981" })
            Assert.DoesNotContain(secret, published.GetRawText());
        await factory.DispatchedAsync("ParticipantUpdated", participant);
    }

    [Fact]
    public async Task Bad_corrections_are_400_naming_the_field_and_another_agency_gets_404()
    {
        var (_, client, participant) = await Journey.EnrolledAsync(factory);
        var url = $"/api/participants/{participant}/facts";
        var etag = (await client.GetAsync(url)).Headers.ETag!.Tag;

        await (await client.SendAsync(Put(url, Facts(municipality: "1299"), etag))).AssertNamesField("municipalityCode");
        await (await client.SendAsync(Put(url, Facts(gender: "unknown"), etag))).AssertNamesField("gender");
        var stranger = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync("Kommunen"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(Put(url, Facts(), etag))).StatusCode);
        Assert.Empty(await factory.EventsAsync("ParticipantUpdated", participant));
    }

    private static HttpRequestMessage Put(string url, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return request;
    }
}
