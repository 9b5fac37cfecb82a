using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Testing.MatrixRequests;

namespace Samverkan.Participants.IntegrationTests.AccessMatrix;

/// <summary>
/// Records of agency A for the matrix: a participant A referred, in a collaboration A owns, with a consent and a
/// commitment of A in the action plan, and another participant of A who has exited. Agency B is another known actor that has nothing to do with the participant.
/// </summary>
public sealed class ParticipantsWorld(ParticipantsApiFactory factory)
{
    public Guid A { get; private set; }
    public Guid B { get; private set; }
    /// <summary>Made known (A its owner) at the first enrolment.</summary>
    public Guid Collaboration { get; } = Guid.NewGuid();
    public Guid Participant { get; private set; }
    /// <summary>Another participant of A, exited to work on 2026-03-01 (an exit to read).</summary>
    public Guid Exited { get; private set; }
    public Guid Consent { get; private set; }
    public Guid Commitment { get; private set; }

    public async Task InitializeAsync()
    {
        A = await factory.KnownActorAsync("Arbetsförmedlingen");
        B = await factory.KnownActorAsync("Annan kommun");
        var client = factory.ClientFor(Roles.Caseworker, A);
        Participant = await IdOf(await client.EnrolAsync(new EnrolBody { CollaborationId = Collaboration, PersonalIdentityNumber = TestPeople.NewNumber() }));
        Consent = await IdOf(await client.PostAsJsonAsync($"/api/participants/{Participant}/consents",
            new { purpose = "share-action-plan", recipientActorId = A, givenOn = "2026-02-01", method = "written" }));
        Commitment = await IdOf(await client.PostAsJsonAsync($"/api/participants/{Participant}/plan/commitments", new
        {
            interventionId = Guid.NewGuid(), responsibleActorId = A, track = "health", startDate = "2026-02-01", dueDate = "2026-03-31",
            description = "Arbetsförmågeutredning",
        }));
        Exited = await NewParticipantAsync();
        var exit = await client.PostAsJsonAsync($"/api/participants/{Exited}/exit", new { exitDate = "2026-03-01", outcome = "employment" });
        Assert.True(exit.IsSuccessStatusCode, $"{(int)exit.StatusCode} {await exit.Content.ReadAsStringAsync()}");
    }

    /// <summary>A fresh participant of A, for a call that erases one.</summary>
    public async Task<Guid> NewParticipantAsync() =>
        await IdOf(await factory.ClientFor(Roles.Caseworker, A).EnrolAsync(new EnrolBody { CollaborationId = Collaboration, PersonalIdentityNumber = TestPeople.NewNumber() }));

    /// <summary>The caller's agency: A for the own record, B for another agency's.</summary>
    public Guid AgencyOf(Caller caller) => caller.Relation == Relation.Own ? A : B;

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

/// <summary>
/// Who may call which Participants endpoint. Columns: caseworker, coordinator, employer, admin, operator; two letters
/// each (A's own record / another agency's) where the route has a record, one for a collection (see <see cref="AccessRule"/>).
/// <list type="bullet">
/// <item>A participant is its referring agency's caseworkers' and coordinators' (and the owning collaboration's
/// coordinators'); another agency's staff get 404, as if it did not exist. Employers never reach this service (403).</item>
/// <item>An admin is its own agency's: another agency's participant is 404 to it (pending fix in the Participants branch:
/// today an admin sees every participant).</item>
/// <item>The operator sees no participant (404), reads the cross-agency audit log and carries out erasure requests of
/// any agency.</item>
/// <item>The ESF+ participant file is the owning agency's admin's alone (403 to everyone else).</item>
/// </list>
/// Writes to a participant are sent with bodies that pass the requests' data annotations (they run before the handler,
/// and so before the access check), chosen so that an allowed call leaves the record usable for the next: an exit dated
/// in the future (400), a withdrawal dated before the consent (400), facts without If-Match (428), a follow-up before any
/// exit (409); the erasure takes a fresh participant each call. Collection POSTs are checked at the policy alone, with an
/// empty body (400 = passed).
/// </summary>
public static class ParticipantsAccessRules
{
    private const string EmptyBody = "empty JSON body: 400 after authorization counts as allowed";

    public static IReadOnlyList<AccessRule> For(ParticipantsWorld w)
    {
        var p = $"/api/participants/{w.Participant}";
        var consent = new { purpose = "share-action-plan", recipientActorId = w.A, givenOn = "2026-02-01", method = "written" };
        var commitment = new
        {
            interventionId = Guid.NewGuid(), responsibleActorId = w.A, track = "health", startDate = "2026-02-01", dueDate = "2026-03-31",
            description = "Arbetsförmågeutredning",
        };
        var facts = new
        {
            gender = "non-binary", municipalityCode = "0881", targetGroups = new[] { "long-term-unemployed" },
            labourMarketStatus = "long-term-unemployed", educationLevel = "primary-or-lower-secondary",
        };
        // A participant's own data: its agency's staff, else 404.
        const string Record = "AH  AH  FF  AH  HH";
        return
        [
            //                                                          cw  co  em  ad  op
            .. DeadLetters("/api/participants"),
            new("POST /api/participants",                               "A   A   F   A   A",  Send(HttpMethod.Post, "/api/participants")) { AuthorizationOnly = EmptyBody },
            new("POST /api/participants/bulk",                          "A   A   F   A   A",  Send(HttpMethod.Post, "/api/participants/bulk")) { AuthorizationOnly = EmptyBody },
            new("GET /api/participants",                                "A   A   F   A   A",  Get("/api/participants")),
            new("GET /api/participants/audit",                          "F   F   F   A   A",  Get("/api/participants/audit")),
            new("GET /api/participants/actors",                         "A   A   F   A   A",  Get("/api/participants/actors")),
            new("POST /api/participants/admin/copy-replays",             "F   F   F   F   A",  Send(HttpMethod.Post, "/api/participants/admin/copy-replays")),
            new("GET /api/participants/commitments/overdue",            "A   A   F   A   A",  Get("/api/participants/commitments/overdue")),
            new("GET /api/participants/follow-ups/due",                 "A   A   F   A   A",  Get("/api/participants/follow-ups/due")),
            // The project owner's admin only (A owns the collaboration); a partner's admin or anyone else is 403.
            new("GET /api/participants/esf-file",                       "FF  FF  FF  AF  FF", Get($"/api/participants/esf-file?collaborationId={w.Collaboration}&month=2026-02")),
            new("POST /api/participants/hours/bulk",                    "A   A   F   A   A",  Send(HttpMethod.Post, "/api/participants/hours/bulk")) { AuthorizationOnly = EmptyBody },

            new("GET /api/participants/{id:guid}",                      Record, Get(p)),
            new("GET /api/participants/{id:guid}/facts",                Record, Get($"{p}/facts")),
            new("PUT /api/participants/{id:guid}/facts",                Record, Send(HttpMethod.Put, $"{p}/facts", facts)),
            new("GET /api/participants/{id:guid}/export",               Record, Get($"{p}/export")),
            new("POST /api/participants/{id:guid}/erasure",             "FF  FF  FF  AH  AA", async _ => Message(HttpMethod.Post, $"/api/participants/{await w.NewParticipantAsync()}/erasure", new { reason = "lawful-request" })),
            new("GET /api/participants/{participantId:guid}/consents",  Record, Get($"{p}/consents")),
            new("POST /api/participants/{participantId:guid}/consents", Record, Send(HttpMethod.Post, $"{p}/consents", consent)),
            new("POST /api/participants/{participantId:guid}/consents/{consentId:guid}/withdrawal", Record,
                Send(HttpMethod.Post, $"{p}/consents/{w.Consent}/withdrawal", new { withdrawnOn = "2000-01-01" })),
            new("GET /api/participants/{id:guid}/plan",                 Record, Get($"{p}/plan")),
            new("POST /api/participants/{id:guid}/plan/goals",          Record, Send(HttpMethod.Post, $"{p}/plan/goals", new { text = "Jobba inom vården", track = "work" })),
            new("POST /api/participants/{id:guid}/plan/steps",          Record, Send(HttpMethod.Post, $"{p}/plan/steps", new { text = "Ta körkort" })),
            new("POST /api/participants/{id:guid}/plan/commitments",    Record, Send(HttpMethod.Post, $"{p}/plan/commitments", commitment)),
            new("POST /api/participants/{id:guid}/plan/commitments/{commitmentId:guid}/status", Record,
                Send(HttpMethod.Post, $"{p}/plan/commitments/{w.Commitment}/status", new { status = "started" })),
            new("POST /api/participants/{id:guid}/exit",                Record, Send(HttpMethod.Post, $"{p}/exit", new { exitDate = "2099-01-01", outcome = "employment" })),
            new("GET /api/participants/{id:guid}/exit",                 Record, Get($"/api/participants/{w.Exited}/exit")),
            new("POST /api/participants/{id:guid}/follow-ups",          Record, Send(HttpMethod.Post, $"{p}/follow-ups", new { point = "four-weeks", date = "2026-03-01", situation = "studies" })),
            new("GET /api/participants/{id:guid}/follow-ups",           Record, Get($"{p}/follow-ups")),
            new("POST /api/participants/{id:guid}/hours",               Record, Send(HttpMethod.Post, $"{p}/hours", new { date = "2026-02-02", hours = 6 })),
            new("GET /api/participants/{id:guid}/hours",                Record, Get($"{p}/hours")),
            new("POST /api/participants/{id:guid}/validations",         Record, Send(HttpMethod.Post, $"{p}/validations", new { method = "kga", assessor = "Eva Bedömare", date = "2026-04-01", result = "Truckkort B", certificateIssued = true })),
            new("GET /api/participants/{id:guid}/validations",          Record, Get($"{p}/validations")),
        ];
    }
}
