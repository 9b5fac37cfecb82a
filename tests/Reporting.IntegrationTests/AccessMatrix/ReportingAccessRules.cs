using System.Net;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Testing.MatrixRequests;

namespace Samverkan.Reporting.IntegrationTests.AccessMatrix;

/// <summary>
/// Records of agency A for the matrix: a collaboration A owns, with agency P a current member, made known to Reporting by
/// Actors' events; and a rebuild the operator started. Agency B is in no collaboration.
/// </summary>
public sealed class ReportingWorld(ReportingApiFactory factory)
{
    public Guid A { get; } = Guid.NewGuid();
    public Guid B { get; } = Guid.NewGuid();
    public Guid Collaboration { get; } = Guid.NewGuid();
    public string Rebuild { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await factory.PublishAllAsync(
        [
            TestEvents.Created(Collaboration, A),
            new MemberJoined
            {
                CollaborationId = Collaboration, ActorId = Guid.NewGuid(), Role = MemberRole.Partner, JoinedOn = new DateOnly(2026, 1, 1),
                OccurredAt = DateTimeOffset.UtcNow,
            },
        ]);
        var started = await factory.ClientFor(Roles.Operator).PostAsync("/api/reports/admin/rebuilds", null);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"{(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        Rebuild = started.Headers.Location!.ToString();
    }

    /// <summary>The caller's agency: A for the own record, B for another agency's.</summary>
    public Guid AgencyOf(Caller caller) => caller.Relation == Relation.Own ? A : B;
}

/// <summary>
/// Who may call which Reporting endpoint. Columns: caseworker, coordinator, employer, admin, operator; two letters each
/// (A's own record / another agency's) where the route has a record, one for a collection (see <see cref="AccessRule"/>).
/// <list type="bullet">
/// <item>A collaboration's reports are for the staff of its owner and current members, and for the operator; other
/// agencies' staff, an admin of another agency included, get 404; employer users are the wrong role for them (403).</item>
/// <item>Cross-tables are for exact viewers only: a caseworker of the collaboration, and anyone but the operator across
/// all collaborations, would get suppressed figures and is answered 403 (<see cref="Samverkan.Reporting.Apis.CrossTableApi"/>).</item>
/// <item>Its published summary is open to any caller, small counts always suppressed.</item>
/// <item>The regional view and employer engagement are for coordinators, admins and the operator.</item>
/// <item>Rebuilding the read models is a platform-wide operation: the operator's (Roles.Operator), not an agency admin's.</item>
/// <item>Actors by sector holds no participant: every role reads it.</item>
/// </list>
/// </summary>
public static class ReportingAccessRules
{
    public static IReadOnlyList<AccessRule> For(ReportingWorld w)
    {
        var c = $"/api/reports/collaborations/{w.Collaboration}";
        const string Collaboration = "AH  AH  FF  AH  AA";
        return
        [
            //                                                                  cw  co  em  ad  op
            .. DeadLetters("/api/reports"),
            new("GET /api/reports/actors-by-sector",                            "A   A   A   A   A",  Get("/api/reports/actors-by-sector")),
            new("GET /api/reports/employer-engagement",                         "F   A   F   A   A",  Get("/api/reports/employer-engagement?asOf=2026-12-31")),
            new("GET /api/reports/regional",                                    "F   A   F   A   A",  Get("/api/reports/regional?asOf=2026-12-31")),
            new("GET /api/reports/regional/cross-table",                        "F   F   F   F   A",  Get("/api/reports/regional/cross-table?rows=municipality&asOf=2026-12-31")),
            new("GET /api/reports/collaborations/{id:guid}/summary",            Collaboration, Get($"{c}/summary?asOf=2026-12-31")),
            new("GET /api/reports/collaborations/{id:guid}/cross-table",        "FH  AH  FF  AH  AA", Get($"{c}/cross-table?rows=referring-actor&asOf=2026-12-31")),
            new("GET /api/reports/collaborations/{id:guid}/agreements",         Collaboration, Get($"{c}/agreements?asOf=2026-12-31")),
            new("GET /api/reports/collaborations/{id:guid}/esf-indicators",     Collaboration, Get($"{c}/esf-indicators?asOf=2026-12-31")),
            new("GET /api/reports/collaborations/{id:guid}/comparison",         Collaboration, Get($"{c}/comparison?asOf=2026-12-31")),
            new("GET /api/reports/published/collaborations/{id:guid}/summary",  "AA  AA  AA  AA  AA", Get($"/api/reports/published/collaborations/{w.Collaboration}/summary?asOf=2026-12-31")),
            new("POST /api/reports/admin/rebuilds",                             "F   F   F   F   A",  _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/reports/admin/rebuilds"))),
            new("GET /api/reports/admin/rebuilds/{id:guid}",                    "F   F   F   F   A",  _ => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, w.Rebuild))),
        ];
    }
}
