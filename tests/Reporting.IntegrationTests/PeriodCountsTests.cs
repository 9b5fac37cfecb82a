using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>Periods and as-of dates read whole years and months by month and year rows and only their edges by day.</summary>
public sealed class PeriodCountsTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private static readonly DateOnly[] Starts =
        [new(2024, 12, 20), new(2025, 1, 1), new(2025, 1, 10), new(2025, 6, 15), new(2025, 12, 31), new(2026, 1, 1), new(2026, 2, 10)];

    [Theory]
    [InlineData("from=2025-01-01&to=2025-12-31")]
    [InlineData("from=2024-12-15&to=2025-12-31")]
    [InlineData("from=2024-12-21&to=2026-02-10")]
    [InlineData("from=2025-06-16&to=2026-01-01")]
    [InlineData("from=2025-01-02&to=2025-01-31")]
    [InlineData("from=2020-01-01&to=2030-12-31")]
    [InlineData("asOf=2025-06-15")]
    // Partial months read as the month less the days outside (see PeriodSegments), with starts on those days.
    [InlineData("asOf=2025-06-14")]
    [InlineData("from=2025-06-16&to=2025-12-30")]
    [InlineData("from=2024-12-02&to=2025-06-15")]
    [InlineData("from=2025-06-02&to=2025-06-29")]
    [InlineData("asOf=2024-12-31")]
    [InlineData("asOf=2025-12-31")]
    [InlineData("asOf=2026-02-09")]
    [InlineData("asOf=9999-12-31")]
    public async Task A_period_counts_exactly_the_participants_started_in_it(string query)
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await factory.PublishAllAsync([
            TestEvents.Created(collaboration, owner),
            .. Starts.Select(start => TestEvents.Enrolled(collaboration, owner, Gender.Woman, start: start)),
        ]);
        var parts = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => DateOnly.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        var from = parts.GetValueOrDefault("from", DateOnly.MinValue);
        var to = parts.TryGetValue("to", out var t) ? t : parts["asOf"];

        var summary = await factory.ClientFor(Roles.Operator).GetFromJsonAsync<JsonElement>($"/api/reports/collaborations/{collaboration}/summary?{query}");

        var expected = Starts.Count(s => s >= from && s <= to);
        var total = summary.GetProperty("started").GetProperty("total");
        Assert.Equal(expected, total.TryGetProperty("count", out var count) ? count.GetInt32() : 0);
    }
}
