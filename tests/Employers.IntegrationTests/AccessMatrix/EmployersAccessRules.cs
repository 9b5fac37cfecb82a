using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Testing.MatrixRequests;

namespace Samverkan.Employers.IntegrationTests.AccessMatrix;

/// <summary>
/// Records of agency A for the matrix: employer E that A registered (its own users act as actor EA), an offer of E, a
/// matchable participant whose profile A wrote, the pipeline A's pilot proposed for it on the offer, and a contact A
/// logged with E. Agency B has its own employer (actor EB), which is the "other" employer user.
/// </summary>
public sealed class EmployersWorld(EmployersApiFactory factory)
{
    public Guid A { get; private set; }
    public Guid B { get; private set; }
    public Guid EmployerActorA { get; private set; }
    public Guid EmployerActorB { get; private set; }
    public Guid Employer { get; private set; }
    public Guid Offer { get; private set; }
    public Guid Participant { get; private set; }
    public Guid Pipeline { get; private set; }
    public Guid Contact { get; private set; }

    public async Task InitializeAsync()
    {
        A = await factory.KnownActorAsync("Arbetsförmedlingen");
        B = await factory.KnownActorAsync("Annan kommun", ActorKind.Municipality);
        EmployerActorA = await factory.KnownActorAsync("Bygg AB", ActorKind.Employer);
        EmployerActorB = await factory.KnownActorAsync("Annan AB", ActorKind.Employer);
        Employer = await factory.RegisterEmployerAsync(A, EmployerActorA);
        await factory.RegisterEmployerAsync(B, EmployerActorB);
        var staff = factory.ClientFor(Roles.Caseworker, A);
        Offer = await staff.PublishOfferAsync(MatchingTestData.OfferBody(Employer, "7119"));
        Participant = await factory.MatchableParticipantAsync(A, MatchingTestData.ProfileBody("7119"), EmployerActorA);
        Pipeline = await IdOf(await staff.PostAsJsonAsync("/api/employers/pipelines", new { participantId = Participant, offerId = Offer, proposedOn = "2026-11-02" }));
        Contact = await IdOf(await staff.PostAsJsonAsync($"/api/employers/{Employer}/contacts", new
        {
            staffMember = "Anna Andersson", date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "phone", purpose = "Praktikplatser",
        }), "contact");
    }

    /// <summary>The caller's agency: A (or, for an employer user, E's own actor) for the own record; B (or B's employer) for another's.</summary>
    public Guid AgencyOf(Caller caller) => (caller.Role, caller.Relation) switch
    {
        (Roles.Employer, Relation.Own) => EmployerActorA,
        (Roles.Employer, Relation.Other) => EmployerActorB,
        (_, Relation.Own) => A,
        _ => B,
    };

    /// <summary>
    /// A change of owner (to a new agency) of a fresh employer of A, under its current ETag: the one change that only the
    /// owning agency's coordinators and admins may make. Fresh each call, so that an allowed change never leaves the next
    /// caller another owner's employer.
    /// </summary>
    public async Task<HttpRequestMessage> OwnerChangeAsync()
    {
        var employer = await factory.RegisterEmployerAsync(A);
        var read = await factory.ClientFor(Roles.Caseworker, A).GetAsync($"/api/employers/{employer}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var request = Message(HttpMethod.Put, $"/api/employers/{employer}", TestData.EmployerBody(await factory.KnownActorAsync("Ny ägare")));
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(read.Headers.ETag!.Tag));
        return request;
    }

    /// <summary>The id in a created record's body (or in its member <paramref name="wrapper"/>).</summary>
    private static async Task<Guid> IdOf(HttpResponseMessage response, string? wrapper = null)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (wrapper is null ? body : body.GetProperty(wrapper)).GetProperty("id").GetGuid();
    }
}

/// <summary>
/// Who may call which Employers endpoint. Columns: caseworker, coordinator, employer, admin, operator; two letters each
/// (A's own record / another agency's) where the route has a record, one for a collection (see <see cref="AccessRule"/>).
/// <list type="bullet">
/// <item>The employer register, its contact log and offers are shared by all agencies' staff. An employer user reaches
/// only its own employer and offers; another employer's are 404. The operator reads and corrects the employer record
/// (a login or owner gone wrong is its to repair) but is no agency staff: offers and pipelines are 404 to it.</item>
/// <item>Only the owning agency's coordinators and admins, and the operator, change an employer's owner.</item>
/// <item>The contact log: agency staff log and read contacts with any employer; the operator reads it but logs nothing.</item>
/// <item>A participant's matching profile, the offers ranked for it and its pipelines are the participant's agency's
/// (the pilot's); to anyone else, reading or writing, the participant is 404: the same answer as for an id not enrolled,
/// so the answer tells no one which ids another agency holds.</item>
/// </list>
/// Writes to a record are sent with bodies that pass the requests' data annotations (they run before the handler, and
/// so before the access check), chosen so that an allowed call leaves the record usable for the next: a pipeline move
/// that skips stages and a support contact before any placement (both refused after the access check). Collection POSTs
/// are checked at the policy alone, with an empty body (400 = passed).
/// </summary>
public static class EmployersAccessRules
{
    private const string EmptyBody = "empty JSON body: 400 after authorization counts as allowed";

    public static IReadOnlyList<AccessRule> For(EmployersWorld w)
    {
        var e = $"/api/employers/{w.Employer}";
        var pipeline = $"/api/employers/pipelines/{w.Pipeline}";
        var profile = $"/api/employers/matching-profiles/{w.Participant}";
        var contact = new { staffMember = "Anna Andersson", date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "phone", purpose = "Praktikplatser" };
        return
        [
            //                                                          cw  co  em  ad  op
            .. DeadLetters("/api/employers"),
            new("POST /api/employers",                                  "A   A   F   A   A",  Send(HttpMethod.Post, "/api/employers")) { AuthorizationOnly = EmptyBody },
            new("GET /api/employers",                                   "A   A   A   A   A",  Get("/api/employers")),
            new("GET /api/employers/actors",                            "A   A   A   A   A",  Get("/api/employers/actors")),
            new("POST /api/employers/admin/copy-replays",                "F   F   F   F   A",  Send(HttpMethod.Post, "/api/employers/admin/copy-replays")),
            new("GET /api/employers/{id:guid}",                         "AA  AA  AH  AA  AA", Get(e)),
            new("PUT /api/employers/{id:guid}",                         "FF  AF  FF  AF  AA", _ => w.OwnerChangeAsync()),
            new("POST /api/employers/{id:guid}/contacts",               "AA  AA  FF  AA  FF", Send(HttpMethod.Post, $"{e}/contacts", contact)),
            new("GET /api/employers/{id:guid}/contacts",                "AA  AA  FF  AA  AA", Get($"{e}/contacts")),
            new("GET /api/employers/{id:guid}/contacts/{contactId:guid}", "AA  AA  FF  AA  AA", Get($"{e}/contacts/{w.Contact}")),

            new("PUT /api/employers/matching-profiles/{participantId:guid}", "AH  AH  FF  AH  HH", Send(HttpMethod.Put, profile, MatchingTestData.ProfileBody("7119"))),
            new("GET /api/employers/matching-profiles/{participantId:guid}", "AH  AH  FF  AH  HH", Get(profile)),
            new("GET /api/employers/matching-profiles/{participantId:guid}/offers", "AH  AH  FF  AH  HH", Get($"{profile}/offers")),

            new("POST /api/employers/pipelines",                        "A   A   F   A   A",  Send(HttpMethod.Post, "/api/employers/pipelines")) { AuthorizationOnly = EmptyBody },
            new("GET /api/employers/pipelines",                         "A   A   A   A   A",  Get("/api/employers/pipelines")),
            new("GET /api/employers/pipelines/support-due",             "A   A   F   A   A",  Get("/api/employers/pipelines/support-due")),
            new("GET /api/employers/pilots/indicators",                 "A   A   F   A   A",  Get("/api/employers/pilots/indicators")),
            new("GET /api/employers/pipelines/{id:guid}",               "AH  AH  AH  AH  HH", Get(pipeline)),
            new("POST /api/employers/pipelines/{id:guid}/moves",        "AH  AH  FF  AH  HH", Send(HttpMethod.Post, $"{pipeline}/moves", new { stage = "employed", date = "2026-11-05" })),
            new("POST /api/employers/pipelines/{id:guid}/support-contacts", "AH  AH  FF  AH  HH", Send(HttpMethod.Post, $"{pipeline}/support-contacts", new { date = "2026-11-03", with = "employer", channel = "phone" })),
            new("GET /api/employers/pipelines/{id:guid}/support-contacts", "AH  AH  FF  AH  HH", Get($"{pipeline}/support-contacts")),

            new("POST /api/offers",                                     "A   A   A   A   A",  Send(HttpMethod.Post, "/api/offers")) { AuthorizationOnly = EmptyBody },
            new("GET /api/offers",                                      "A   A   A   A   A",  Get("/api/offers")),
            new("GET /api/offers/{id:guid}",                            "AA  AA  AH  AA  HH", Get($"/api/offers/{w.Offer}")),
            new("GET /api/offers/{id:guid}/candidates",                 "AA  AA  AH  AA  HH", Get($"/api/offers/{w.Offer}/candidates")),
            // Last: an allowed fill or close changes the offer (a second one is 409, still allowed).
            new("POST /api/offers/{id:guid}/fill",                      "AA  AA  AH  AA  HH", Send(HttpMethod.Post, $"/api/offers/{w.Offer}/fill")),
            new("POST /api/offers/{id:guid}/close",                     "AA  AA  AH  AA  HH", Send(HttpMethod.Post, $"/api/offers/{w.Offer}/close")),
        ];
    }
}
