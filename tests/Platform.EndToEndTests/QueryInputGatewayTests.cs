using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// The query-string guards every service shares (ServiceDefaults), seen through the gateway: a value that does not
/// bind is a 400 naming its parameter, a NUL is refused, and a page far past the end is empty, never a 500.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class QueryInputGatewayTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/api/actors?page=abc", "page")]
    [InlineData("/api/participants/actors?page=abc", "page")]
    [InlineData("/api/participants/actors?pageSize=99999999999", "pageSize")]
    [InlineData("/api/employers/actors?page=1.5", "page")]
    [InlineData("/api/employers/pilots/indicators?from=2025-13-45&to=2026-01-01", "from")]
    public async Task A_query_value_that_does_not_bind_is_400_naming_the_parameter(string url, string parameter)
    {
        var response = await platform.ClientFor(Roles.Coordinator).GetAsync(url);
        await Problems.AssertBadRequestNaming(response, parameter);
    }

    [Theory]
    [InlineData("/api/actors?name=a%00b", "name")]
    [InlineData("/api/participants/actors?anything=%00", "anything")]
    [InlineData("/api/employers?name=Bygg%00", "name")]
    [InlineData("/api/reports/actors-by-sector?language=sv%00", "language")]
    public async Task A_nul_character_in_a_query_is_400_naming_the_parameter_in_every_service(string url, string parameter)
    {
        var response = await platform.ClientFor(Roles.Coordinator).GetAsync(url);
        await Problems.AssertBadRequestNaming(response, parameter);
    }

    [Theory]
    [InlineData("/api/participants/actors?page=2147483647&pageSize=200")]
    [InlineData("/api/participants?page=2147483647&pageSize=200")]
    [InlineData("/api/employers/actors?page=2147483647&pageSize=200")]
    [InlineData("/api/actors?page=2147483647&pageSize=200")]
    public async Task A_page_far_past_the_end_is_empty_not_a_500(string url)
    {
        var response = await platform.ClientFor(Roles.Coordinator).GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
    }
}
