using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>
/// Issue #15: the all-collaborations figures minus what a viewer may see exactly never leave a small cell. A class
/// of its own: the region is everything in its database.
/// </summary>
public sealed class RegionLessOwnTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private static readonly string[] Columns = ["women", "men", "nonBinary", "total"];

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static int? Shown(JsonElement cell) =>
        cell.TryGetProperty("suppressed", out var s) && s.GetBoolean() || !cell.TryGetProperty("count", out var c) ? null : c.GetInt32();

    [Fact]
    public async Task The_region_less_a_coordinators_own_collaborations_leaves_no_small_cell()
    {
        // Agency A's collaboration: 12 women and 20 men in 0880, which A's coordinator sees exactly. Another agency's:
        // 3 women and 20 men there. The region's 15 women less A's 12 would give the other agency's 3.
        var mine = Guid.NewGuid();
        var other = Guid.NewGuid();
        var (c1, c2) = (Guid.NewGuid(), Guid.NewGuid());
        await factory.PublishAllAsync([
            TestEvents.Created(c1, mine), TestEvents.Created(c2, other),
            .. Enumerable.Range(0, 12).Select(_ => TestEvents.Enrolled(c1, mine, Gender.Woman, "0880")),
            .. Enumerable.Range(0, 20).Select(_ => TestEvents.Enrolled(c1, mine, Gender.Man, "0880")),
            .. Enumerable.Range(0, 3).Select(_ => TestEvents.Enrolled(c2, other, Gender.Woman, "0880")),
            .. Enumerable.Range(0, 20).Select(_ => TestEvents.Enrolled(c2, other, Gender.Man, "0880")),
            .. Enumerable.Range(0, 9).Select(_ => TestEvents.Enrolled(c2, other, Gender.Woman, "0885")),
        ]);
        var coordinator = factory.ClientFor(Roles.Coordinator, mine);
        // The other agency asks first: its report (which protects what it sees exactly) must not be served to A.
        await GetJsonAsync(factory.ClientFor(Roles.Coordinator, other), "/api/reports/regional?asOf=2026-12-31");

        var region = await GetJsonAsync(coordinator, "/api/reports/regional?asOf=2026-12-31");
        var own = await GetJsonAsync(coordinator, $"/api/reports/regional?collaboration={c1}&asOf=2026-12-31");
        Assert.True(own.GetProperty("exact").GetBoolean());

        var threshold = region.GetProperty("suppressionThreshold").GetInt32();
        IEnumerable<(string Where, JsonElement Region, JsonElement? Own)> Rows()
        {
            yield return ("total", region.GetProperty("total").GetProperty("started"), own.GetProperty("total").GetProperty("started"));
            foreach (var m in region.GetProperty("municipalities").EnumerateArray())
            {
                var code = m.GetProperty("municipalityCode").GetString()!;
                var mineThere = own.GetProperty("municipalities").EnumerateArray().Where(o => o.GetProperty("municipalityCode").GetString() == code).ToList();
                yield return (code, m.GetProperty("started"), mineThere.Count == 0 ? null : mineThere[0].GetProperty("started"));
            }
        }
        foreach (var (where, r, o) in Rows())
            foreach (var c in Columns)
                if (Shown(r.GetProperty(c)) is { } regional)
                {
                    var rest = regional - (o is { } ownRow ? Shown(ownRow.GetProperty(c)) ?? 0 : 0);
                    Assert.False(rest is > 0 && rest < threshold, $"{where} {c}: region {regional} less own leaves {rest}");
                }
    }
}
