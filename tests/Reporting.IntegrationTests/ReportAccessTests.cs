using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>
/// Who may read which report: a collaboration's reports are its members' and owner's staff and the operator's
/// (404 to other agencies, 403 to employers); regional statistics are coordinators', admins' and the operator's;
/// published figures are open to any caller through the publication route only.
/// </summary>
public sealed class ReportAccessTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    /// <summary>A collaboration owned by <c>Owner</c> with <c>Partner</c> as a member: 3 women and 7 men in Borgholm.</summary>
    private async Task<(Guid Collaboration, Guid Owner, Guid Partner)> CollaborationAsync()
    {
        var owner = Guid.NewGuid();
        var partner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await factory.PublishAllAsync([
            TestEvents.Created(collaboration, owner),
            new MemberJoined { CollaborationId = collaboration, ActorId = owner, Role = MemberRole.Owner, JoinedOn = new(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow },
            new MemberJoined { CollaborationId = collaboration, ActorId = partner, Role = MemberRole.Partner, JoinedOn = new(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow },
            .. Enumerable.Range(0, 3).Select(_ => TestEvents.Enrolled(collaboration, owner, Gender.Woman, "0885")),
            .. Enumerable.Range(0, 7).Select(_ => TestEvents.Enrolled(collaboration, partner, Gender.Man, "0885")),
        ]);
        return (collaboration, owner, partner);
    }

    private static string[] CollaborationReports(Guid collaboration) =>
    [
        $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31",
        $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31&publication=true",
        $"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31&format=csv",
        $"/api/reports/collaborations/{collaboration}/agreements?asOf=2026-12-31",
        $"/api/reports/collaborations/{collaboration}/esf-indicators?asOf=2026-12-31",
        $"/api/reports/collaborations/{collaboration}/comparison?asOf=2026-12-31",
        $"/api/reports/regional?collaboration={collaboration}&asOf=2026-12-31",
        $"/api/reports/employer-engagement?collaboration={collaboration}&asOf=2026-12-31",
    ];

    /// <summary>Regional statistics and employer engagement: coordinators', admins' and the operator's, even filtered to one collaboration.</summary>
    private static bool IsStatistics(string url) =>
        url.StartsWith("/api/reports/regional", StringComparison.Ordinal) || url.StartsWith("/api/reports/employer-engagement", StringComparison.Ordinal);

    [Fact]
    public async Task Staff_of_an_agency_outside_the_collaboration_get_404_for_its_reports()
    {
        var (collaboration, _, _) = await CollaborationAsync();
        var outsider = Guid.NewGuid();

        foreach (var role in new[] { Roles.Caseworker, Roles.Coordinator, Roles.Admin })
        {
            var client = factory.ClientFor(role, outsider);
            foreach (var url in CollaborationReports(collaboration))
            {
                var response = await client.GetAsync(url);
                // A caseworker is the wrong role for statistics whatever the collaboration: 403 before any lookup.
                var expected = role == Roles.Caseworker && IsStatistics(url) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
                Assert.True(response.StatusCode == expected, $"{role} {url}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Employers_are_403_for_collaboration_reports_and_regional_statistics()
    {
        var (collaboration, owner, _) = await CollaborationAsync();

        // Even an employer token carrying a member's agency id is the wrong role.
        foreach (var agency in new[] { Guid.NewGuid(), owner })
        {
            var employer = factory.ClientFor(Roles.Employer, agency);
            foreach (var url in CollaborationReports(collaboration).Append("/api/reports/regional?asOf=2026-12-31"))
            {
                var response = await employer.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Members_and_owners_staff_and_the_operator_read_the_collaborations_reports()
    {
        var (collaboration, owner, partner) = await CollaborationAsync();

        foreach (var (role, agency) in new[]
        {
            (Roles.Caseworker, owner), (Roles.Coordinator, owner), (Roles.Admin, owner),
            (Roles.Caseworker, partner), (Roles.Coordinator, partner), (Roles.Admin, partner),
            (Roles.Operator, Guid.NewGuid()),
        })
        {
            var client = factory.ClientFor(role, agency);
            foreach (var url in CollaborationReports(collaboration).Where(u => role != Roles.Caseworker || !IsStatistics(u)))
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {url}: {response.StatusCode}");
            }
        }
        // A member's coordinator sees its own collaboration exact, its caseworker suppressed (as before).
        var exact = await factory.ClientFor(Roles.Coordinator, partner).GetFromJsonAsync<JsonElement>(CollaborationReports(collaboration)[0]);
        Assert.True(exact.GetProperty("exact").GetBoolean());
        var caseworker = await factory.ClientFor(Roles.Caseworker, partner).GetFromJsonAsync<JsonElement>(CollaborationReports(collaboration)[0]);
        Assert.False(caseworker.GetProperty("exact").GetBoolean());
    }

    [Fact]
    public async Task A_member_that_left_no_longer_reads_the_collaborations_reports()
    {
        var (collaboration, _, partner) = await CollaborationAsync();
        await factory.PublishAllAsync([
            new MemberLeft { CollaborationId = collaboration, ActorId = partner, LeftOn = new(2026, 6, 30), OccurredAt = DateTimeOffset.UtcNow },
        ]);

        var response = await factory.ClientFor(Roles.Coordinator, partner).GetAsync(CollaborationReports(collaboration)[0]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Published_summary_is_open_to_any_caller_and_always_suppressed()
    {
        var (collaboration, owner, _) = await CollaborationAsync();

        foreach (var client in new[] { factory.ClientFor(Roles.Caseworker), factory.ClientFor(Roles.Employer), factory.ClientFor(Roles.Coordinator, owner),
                     factory.ClientFor(Roles.Operator) })
        {
            var response = await client.GetAsync($"/api/reports/published/collaborations/{collaboration}/summary?asOf=2026-12-31");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(report.GetProperty("exact").GetBoolean());
            var women = report.GetProperty("started").GetProperty("women");
            Assert.True(women.GetProperty("suppressed").GetBoolean());
            Assert.False(women.TryGetProperty("count", out _));
        }
    }

    [Fact]
    public async Task Regional_statistics_are_for_coordinators_admins_and_the_operator()
    {
        await CollaborationAsync();
        const string url = "/api/reports/regional?municipality=0885&asOf=2026-12-31";

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Caseworker).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Caseworker).GetAsync("/api/reports/employer-engagement?asOf=2026-12-31")).StatusCode);
        foreach (var role in new[] { Roles.Coordinator, Roles.Admin })
        {
            var report = await factory.ClientFor(role).GetFromJsonAsync<JsonElement>(url);
            Assert.False(report.GetProperty("exact").GetBoolean(), role); // across collaborations not all theirs
        }
        var platform = await factory.ClientFor(Roles.Operator).GetFromJsonAsync<JsonElement>(url);
        Assert.True(platform.GetProperty("exact").GetBoolean());
    }

    [Fact]
    public async Task Rebuilds_are_the_operators_not_an_agency_admins()
    {
        var response = await factory.ClientFor(Roles.Admin).PostAsync("/api/reports/admin/rebuilds", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Admin).GetAsync($"/api/reports/admin/rebuilds/{Guid.NewGuid()}")).StatusCode);

        var unknown = await factory.ClientFor(Roles.Operator).GetAsync($"/api/reports/admin/rebuilds/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
