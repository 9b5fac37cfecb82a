using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Testing.MatrixRequests;

namespace Samverkan.Actors.IntegrationTests.AccessMatrix;

/// <summary>
/// Records of agency A for the matrix: actor A with an intervention, and a collaboration A owns (A its only member
/// besides partners added on the way) with A's agreement, a meeting and an assessment round. Agency B is another
/// registered actor, member of nothing of A's.
/// </summary>
public sealed class ActorsWorld(ActorsApiFactory factory)
{
    public ActorsApiFactory Factory { get; } = factory;
    public Guid A { get; private set; }
    public Guid B { get; private set; }
    public Guid Collaboration { get; private set; }
    public Guid Agreement { get; private set; }
    public Guid Meeting { get; private set; }
    public Guid Intervention { get; private set; }
    public Guid Partner { get; private set; }
    public const int Round = 1;

    public async Task InitializeAsync()
    {
        B = await Factory.RegisterActorAsync("Annan aktör");
        Partner = await Factory.RegisterActorAsync("Partner");
        (Collaboration, A) = await Factory.CreateCollaborationAsync(Partner);
        var coordinator = Factory.ClientFor(Roles.Coordinator, A);
        Agreement = await IdOf(await coordinator.PostAsJsonAsync($"/api/collaborations/{Collaboration}/agreements", AgreementTerms()));
        Meeting = await IdOf(await coordinator.PostAsJsonAsync($"/api/collaborations/{Collaboration}/meetings", new
        {
            date = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd"), kind = "steering-group",
            attendees = new object[] { new { name = "Anna Andersson", actorId = A } },
        }));
        await IdOrNumber(await coordinator.PostAsJsonAsync($"/api/collaborations/{Collaboration}/assessment-rounds", new { heldOn = "2026-03-01" }));
        Intervention = await IdOf(await coordinator.PostAsJsonAsync($"/api/actors/{A}/interventions", new
        {
            name = "Arbetsträning", category = "work-training", eligibility = "Inskriven hos AF", capacity = 12, openRegardlessOfBenefit = true,
        }));
    }

    public static JsonObject AgreementTerms() => new()
    {
        ["form"] = "written",
        ["contributions"] = new JsonArray(new JsonObject { ["kind"] = "staff-hours", ["quantity"] = 400, ["unit"] = "hours" }),
        ["validFrom"] = "2026-01-01",
        ["validTo"] = "2026-12-31",
        ["signatories"] = new JsonArray(new JsonObject { ["name"] = "Anna Andersson", ["title"] = "Förvaltningschef", ["hasMandate"] = true }),
    };

    /// <summary>The caller's agency: A for the own record, B for another agency's.</summary>
    public Guid AgencyOf(Caller caller) => caller.Relation == Relation.Own ? A : B;

    /// <summary>A fresh partner of the collaboration, for a call that takes one away.</summary>
    public async Task<Guid> NewPartnerAsync()
    {
        var partner = await Factory.RegisterActorAsync("Ny partner");
        var response = await Factory.ClientFor(Roles.Coordinator, A).PostAsJsonAsync($"/api/collaborations/{Collaboration}/members",
            new JsonObject { ["actorId"] = partner.ToString(), ["role"] = "partner", ["joinedOn"] = "2026-03-01", ["goals"] = new JsonArray("20 praktikplatser") });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return partner;
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task IdOrNumber(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

}

/// <summary>
/// Who may call which Actors endpoint. Columns: caseworker, coordinator, employer, admin, operator; two letters each
/// (A's own record / another agency's) where the route has a record, one for a collection (see <see cref="AccessRule"/>).
/// <list type="bullet">
/// <item>Actors are public: every role reads them; an actor's own coordinators (and its own admin) change it, its own
/// staff write its interventions.</item>
/// <item>A collaboration: its members' staff read it and the owner's coordinators manage it; staff of other agencies
/// get 404; employers 403. Its co-financing: coordinators and admins of its agencies and the operator read it
/// (caseworkers 403), its managers write the plan. An admin acts for its own agency only (pending fix in the Actors branch: today an admin
/// of any agency is allowed). The operator is no party to any collaboration: 403.</item>
/// <item>Policy-level refusals (a caseworker on a coordinator's endpoint) are 403 whatever the record.</item>
/// </list>
/// Writes to a record are sent with a body that passes the request's data annotations (which run before the handler
/// and so before the record's access check), without If-Match where one is needed, so that an allowed PUT is 428
/// and leaves the record as it was. Collection POSTs are checked at the policy alone, with an empty body (400 = passed).
/// </summary>
public static class ActorsAccessRules
{
    private const string EmptyBody = "empty JSON body: 400 after authorization counts as allowed";

    public static IReadOnlyList<AccessRule> For(ActorsWorld w)
    {
        var c = $"/api/collaborations/{w.Collaboration}";
        var agreement = $"{c}/agreements/{w.Agreement}";
        var actor = new { name = "Testaktör", sector = "public", kind = "municipality" };
        var intervention = new { name = "Arbetsträning", category = "work-training", eligibility = "Inskriven hos AF", capacity = 12, openRegardlessOfBenefit = true };
        var member = new { actorId = w.Partner, role = "partner", joinedOn = "2026-03-01", goals = new[] { "20 praktikplatser" } };
        var governance = new { steeringGroup = new[] { new { name = "Anna Andersson", actorId = w.A, hasMandate = true } } };
        var meeting = new { date = "2026-03-01", kind = "steering-group", attendees = new[] { new { name = "Anna Andersson", actorId = w.A } } };
        var coFinancing = new { lines = new[] { new { year = 2026, actorId = w.A, benefitType = "activity-support", hours = 1200 } } };
        var answers = new { answers = new[] { new { criterion = "mandate", score = 4 } } };
        return
        [
            //                                                            cw  co  em  ad  op
            .. DeadLetters("/api/actors"),
            new("POST /api/actors",                                       "A   A   F   A   A",  Send(HttpMethod.Post, "/api/actors")) { AuthorizationOnly = EmptyBody },
            new("GET /api/actors",                                        "A   A   A   A   A",  Get("/api/actors")),
            new("GET /api/actors/{id:guid}",                              "AA  AA  AA  AA  AA", Get($"/api/actors/{w.A}")),
            new("PUT /api/actors/{id:guid}",                              "FF  AF  FF  AF  FF", Send(HttpMethod.Put, $"/api/actors/{w.A}", actor)),
            new("POST /api/actors/{actorId:guid}/interventions",          "AF  AF  FF  AF  FF", Send(HttpMethod.Post, $"/api/actors/{w.A}/interventions", intervention)),
            new("GET /api/actors/{actorId:guid}/interventions",           "AA  AA  AA  AA  AA", Get($"/api/actors/{w.A}/interventions")),
            new("GET /api/actors/{actorId:guid}/interventions/{id:guid}", "AA  AA  AA  AA  AA", Get($"/api/actors/{w.A}/interventions/{w.Intervention}")),
            new("PUT /api/actors/{actorId:guid}/interventions/{id:guid}", "AF  AF  FF  AF  FF", Send(HttpMethod.Put, $"/api/actors/{w.A}/interventions/{w.Intervention}", intervention)),

            new("POST /api/collaborations",                               "F   A   F   A   A",  Send(HttpMethod.Post, "/api/collaborations")) { AuthorizationOnly = EmptyBody },
            new("GET /api/collaborations",                                "A   A   F   A   A",  Get("/api/collaborations")),
            new("GET /api/collaborations/assessment-criteria",            "A   A   F   A   A",  Get("/api/collaborations/assessment-criteria")),
            new("GET /api/collaborations/{id:guid}",                      "AH  AH  FF  AH  FF", Get(c)),
            new("PUT /api/collaborations/{id:guid}",                      "FF  AH  FF  AH  FF", Send(HttpMethod.Put, c, CollaborationTestData.ValidPlan())),
            new("POST /api/collaborations/{id:guid}/members",             "FF  AH  FF  AH  FF", Send(HttpMethod.Post, $"{c}/members", member)),
            new("PUT /api/collaborations/{id:guid}/members/{actorId:guid}/goals", "FF  AH  FF  AH  FF", Send(HttpMethod.Put, $"{c}/members/{w.A}/goals", new { goals = new[] { "50 deltagare i arbete" } })),
            // A fresh partner each call, so that an allowed removal never leaves the next caller a missing member.
            new("DELETE /api/collaborations/{id:guid}/members/{actorId:guid}", "FF  AH  FF  AH  FF",
                async _ => Message(HttpMethod.Delete, $"{c}/members/{await w.NewPartnerAsync()}")),
            new("GET /api/collaborations/{id:guid}/interventions",        "AH  AH  FF  AH  FF", Get($"{c}/interventions")),
            new("GET /api/collaborations/{id:guid}/governance",           "AH  AH  FF  AH  FF", Get($"{c}/governance")),
            new("PUT /api/collaborations/{id:guid}/governance",           "FF  AH  FF  AH  FF", Send(HttpMethod.Put, $"{c}/governance", governance)),
            new("GET /api/collaborations/{id:guid}/governance/warnings",  "AH  AH  FF  AH  FF", Get($"{c}/governance/warnings")),
            // Co-financing is the project's finances: coordinators and admins of its agencies, and the operator, as Reporting's collaboration reports.
            new("GET /api/collaborations/{id:guid}/co-financing",         "FH  AH  FF  AH  AA", Get($"{c}/co-financing")),
            new("GET /api/collaborations/{id:guid}/co-financing/plan",    "FH  AH  FF  AH  AA", Get($"{c}/co-financing/plan")),
            new("PUT /api/collaborations/{id:guid}/co-financing/plan",    "FF  AH  FF  AH  FF", Send(HttpMethod.Put, $"{c}/co-financing/plan", coFinancing)),
            new("POST /api/collaborations/{id:guid}/meetings",            "FF  AH  FF  AH  FF", Send(HttpMethod.Post, $"{c}/meetings", meeting)),
            new("GET /api/collaborations/{id:guid}/meetings",             "AH  AH  FF  AH  FF", Get($"{c}/meetings")),
            new("GET /api/collaborations/{id:guid}/meetings/{meetingId:guid}", "AH  AH  FF  AH  FF", Get($"{c}/meetings/{w.Meeting}")),
            new("PUT /api/collaborations/{id:guid}/meetings/{meetingId:guid}", "FF  AH  FF  AH  FF", Send(HttpMethod.Put, $"{c}/meetings/{w.Meeting}", meeting)),
            new("POST /api/collaborations/{id:guid}/assessment-rounds",   "FF  AH  FF  AH  FF", Send(HttpMethod.Post, $"{c}/assessment-rounds", new { heldOn = "2026-03-01" })),
            new("GET /api/collaborations/{id:guid}/assessment-rounds",    "AH  AH  FF  AH  FF", Get($"{c}/assessment-rounds")),
            // A member's own answers: the caller's agency is the member (A itself, for the own record).
            new("PUT /api/collaborations/{id:guid}/assessment-rounds/{round:int}/answers", "FF  AH  FF  AH  FF",
                Send(HttpMethod.Put, $"{c}/assessment-rounds/{ActorsWorld.Round}/answers", answers)),
            new("GET /api/collaborations/{id:guid}/assessment-rounds/{round:int}/answers", "AH  AH  FF  AH  FF", Get($"{c}/assessment-rounds/{ActorsWorld.Round}/answers")),
            new("GET /api/collaborations/{id:guid}/assessment",           "AH  AH  FF  AH  FF", Get($"{c}/assessment")),

            new("GET /api/collaborations/{collaborationId:guid}/agreements/delivery", "AH  AH  FF  AH  FF", Get($"{c}/agreements/delivery")),
            new("GET /api/collaborations/{collaborationId:guid}/agreements", "AH  AH  FF  AH  FF", Get($"{c}/agreements")),
            new("POST /api/collaborations/{collaborationId:guid}/agreements", "FF  AH  FF  AH  FF", Send(HttpMethod.Post, $"{c}/agreements", ActorsWorld.AgreementTerms())),
            new("GET /api/collaborations/{collaborationId:guid}/agreements/{id:guid}", "AH  AH  FF  AH  FF", Get(agreement)),
            new("PUT /api/collaborations/{collaborationId:guid}/agreements/{id:guid}", "FF  AH  FF  AH  FF", Send(HttpMethod.Put, agreement, ActorsWorld.AgreementTerms())),
            new("POST /api/collaborations/{collaborationId:guid}/agreements/{id:guid}/amendments", "FF  AH  FF  AH  FF", Send(HttpMethod.Post, $"{agreement}/amendments", ActorsWorld.AgreementTerms())),
            // Without If-Match: 428 after authorization, so the draft is never signed or terminated by the matrix.
            new("POST /api/collaborations/{collaborationId:guid}/agreements/{id:guid}/sign", "FF  AH  FF  AH  FF", Send(HttpMethod.Post, $"{agreement}/sign")),
            new("POST /api/collaborations/{collaborationId:guid}/agreements/{id:guid}/terminate", "FF  AH  FF  AH  FF", Send(HttpMethod.Post, $"{agreement}/terminate")),
        ];
    }
}
