using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

public sealed class SearchActorsTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private static IEnumerable<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid());

    [Fact]
    public async Task Name_text_matches_case_insensitively_and_combines_with_kind_and_municipality()
    {
        var target = await factory.RegisterActorAsync("Nybro kommun Arbetsmarknadsenhet", "municipality", municipalityCode: "0881");
        var otherPlace = await factory.RegisterActorAsync("Kalmar kommun Arbetsmarknadsenhet", "municipality", municipalityCode: "0880");
        var otherKind = await factory.RegisterActorAsync("Arbetsmarknadsenhetens vänner", "civil-society-organisation", "civil-society", "0881");
        var client = factory.ClientFor(Roles.Caseworker);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/actors?name=ARBETSMARKNADS&kind=municipality&municipality=0881");

        Assert.Contains(target, Ids(page));
        Assert.DoesNotContain(otherPlace, Ids(page));
        Assert.DoesNotContain(otherKind, Ids(page));
    }

    [Fact]
    public async Task Percent_in_the_name_filter_is_literal_not_a_wildcard()
    {
        await factory.RegisterActorAsync("Wildcard test AB", "employer", "business");
        var page = await factory.ClientFor(Roles.Caseworker).GetFromJsonAsync<JsonElement>("/api/actors?name=%25");
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_municipality_filter_is_400()
    {
        var response = await factory.ClientFor(Roles.Caseworker).GetAsync("/api/actors?municipality=9999");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "municipality");
    }
}
