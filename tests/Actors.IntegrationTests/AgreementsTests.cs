using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

public sealed class AgreementsTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    private static JsonObject Terms(decimal hours = 400, bool mandate = true) => new()
    {
        ["form"] = "written",
        ["contributions"] = new JsonArray(
            new JsonObject { ["kind"] = "staff-hours", ["quantity"] = hours, ["unit"] = "hours" },
            new JsonObject { ["kind"] = "intervention", ["quantity"] = 1, ["unit"] = "insats", ["description"] = "Sökandelots" }),
        ["validFrom"] = "2026-01-01",
        ["validTo"] = "2026-12-31",
        ["signatories"] = new JsonArray(new JsonObject { ["name"] = "Anna Andersson", ["title"] = "Förvaltningschef", ["hasMandate"] = mandate }),
    };

    private static HttpRequestMessage Send(HttpMethod method, string url, JsonNode? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return request;
    }

    private async Task<(Guid Collaboration, Guid Owner, Guid Partner, string Url)> DraftAsync(JsonObject? terms = null)
    {
        var partner = await factory.RegisterActorAsync("Arbetsförmedlingen", "employment-service");
        var (collaboration, owner) = await factory.CreateCollaborationAsync(partner);
        var response = await factory.ClientFor(Roles.Coordinator, partner)
            .PostAsJsonAsync($"/api/collaborations/{collaboration}/agreements", terms ?? Terms());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (collaboration, owner, partner, response.Headers.Location!.ToString());
    }

    private static async Task<string> ETagAsync(HttpClient client, string url) => (await client.GetAsync(url)).Headers.ETag!.Tag;

    [Fact]
    public async Task Member_drafts_signs_and_amends_its_agreement_keeping_the_history_and_the_events_are_in_the_outbox()
    {
        var (_, _, partner, url) = await DraftAsync();
        var client = factory.ClientFor(Roles.Coordinator, partner);

        var signed = await client.SendAsync(Send(HttpMethod.Post, $"{url}/sign", null, await ETagAsync(client, url)));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var amended = await client.SendAsync(Send(HttpMethod.Post, $"{url}/amendments", Terms(hours: 600), await ETagAsync(client, url)));
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var resigned = await client.SendAsync(Send(HttpMethod.Post, $"{url}/sign", null, await ETagAsync(client, url)));
        Assert.Equal(HttpStatusCode.OK, resigned.StatusCode);

        var agreement = await client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("signed", agreement.GetProperty("status").GetString());
        Assert.Equal(2, agreement.GetProperty("versionInForce").GetInt32());
        var versions = agreement.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(400, versions[0].GetProperty("terms").GetProperty("contributions")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal(600, versions[1].GetProperty("terms").GetProperty("contributions")[0].GetProperty("quantity").GetDecimal());
        var id = agreement.GetProperty("id").GetGuid().ToString();
        Assert.Single(await factory.OutboxBodiesAsync("AgreementSigned"), e => e.Contains(id));
        var amendment = Assert.Single(await factory.OutboxBodiesAsync("AgreementAmended"), e => e.Contains(id));
        Assert.DoesNotContain("Anna Andersson", amendment); // signatories' names stay in the service
    }

    [Fact]
    public async Task Owner_coordinator_terminates_and_AgreementTerminated_is_in_the_outbox()
    {
        var (_, owner, partner, url) = await DraftAsync();
        var member = factory.ClientFor(Roles.Coordinator, partner);
        await member.SendAsync(Send(HttpMethod.Post, $"{url}/sign", null, await ETagAsync(member, url)));
        var ownerClient = factory.ClientFor(Roles.Coordinator, owner);

        var response = await ownerClient.SendAsync(Send(HttpMethod.Post, $"{url}/terminate", new JsonObject { ["terminatedOn"] = "2026-06-30" }, await ETagAsync(ownerClient, url)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("terminated", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var id = (await member.GetFromJsonAsync<JsonElement>(url)).GetProperty("id").GetGuid().ToString();
        Assert.Single(await factory.OutboxBodiesAsync("AgreementTerminated"), e => e.Contains(id));
    }

    [Fact]
    public async Task Owner_coordinator_cannot_edit_or_sign_another_members_agreement_403()
    {
        var (_, owner, _, url) = await DraftAsync();
        var ownerClient = factory.ClientFor(Roles.Coordinator, owner);
        var etag = await ETagAsync(ownerClient, url);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownerClient.SendAsync(Send(HttpMethod.Post, $"{url}/sign", null, etag))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownerClient.SendAsync(Send(HttpMethod.Put, url, Terms(), etag))).StatusCode);
    }

    [Fact]
    public async Task Outsiders_get_404_and_employers_403()
    {
        var (_, _, partner, url) = await DraftAsync();
        var outsider = await factory.RegisterActorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, outsider).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientFor(Roles.Employer, partner).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(Roles.Caseworker, partner).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Written_agreement_without_a_mandated_signatory_cannot_be_signed_409()
    {
        var (_, _, partner, url) = await DraftAsync(Terms(mandate: false));
        var client = factory.ClientFor(Roles.Coordinator, partner);
        var response = await client.SendAsync(Send(HttpMethod.Post, $"{url}/sign", null, await ETagAsync(client, url)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("mandate", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Signed_version_cannot_be_edited_409_and_writes_need_a_fresh_etag()
    {
        var (_, _, partner, url) = await DraftAsync();
        var client = factory.ClientFor(Roles.Coordinator, partner);
        var draftTag = await ETagAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Send(HttpMethod.Post, $"{url}/sign", null, draftTag))).StatusCode);

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(Send(HttpMethod.Put, url, Terms(), draftTag))).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.SendAsync(Send(HttpMethod.Put, url, Terms(), null))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.SendAsync(Send(HttpMethod.Put, url, Terms(), await ETagAsync(client, url)))).StatusCode);
    }

    [Fact]
    public async Task A_second_agreement_for_the_same_member_is_409()
    {
        var (collaboration, _, partner, _) = await DraftAsync();
        var response = await factory.ClientFor(Roles.Coordinator, partner).PostAsJsonAsync($"/api/collaborations/{collaboration}/agreements", Terms());
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("oral", "oralAgreedBy")]
    [InlineData("period", "validTo")]
    [InlineData("intervention", "contributions[1].description")]
    [InlineData("kind", "contributions[0].kind")]
    [InlineData("empty", "contributions")]
    public async Task Bad_terms_are_400_naming_the_field(string fault, string field)
    {
        var partner = await factory.RegisterActorAsync();
        var (collaboration, _) = await factory.CreateCollaborationAsync(partner);
        var terms = Terms();
        switch (fault)
        {
            case "oral": terms["form"] = "oral"; terms["oralAgreedOn"] = "2026-01-01"; break;
            case "period": terms["validTo"] = "2025-01-01"; break;
            case "intervention": terms["contributions"]![1]!["description"] = null; break;
            case "kind": terms["contributions"]![0]!["kind"] = "goodwill"; break;
            case "empty": terms["contributions"] = new JsonArray(); break;
        }

        var response = await factory.ClientFor(Roles.Coordinator, partner).PostAsJsonAsync($"/api/collaborations/{collaboration}/agreements", terms);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), field);
    }

    [Fact]
    public async Task A_non_member_cannot_have_an_agreement()
    {
        var (collaboration, owner) = await factory.CreateCollaborationAsync();
        var outsider = await factory.RegisterActorAsync();
        var body = Terms();
        body["actorId"] = outsider.ToString();
        // The owner's admin does not speak for another actor; the outsider's own admin does not see the collaboration.
        var byOwnersAdmin = await factory.ClientFor(Roles.Admin, owner).PostAsJsonAsync($"/api/collaborations/{collaboration}/agreements", body);
        var byOutsidersAdmin = await factory.ClientFor(Roles.Admin, outsider).PostAsJsonAsync($"/api/collaborations/{collaboration}/agreements", body);
        Assert.Equal(HttpStatusCode.Forbidden, byOwnersAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOutsidersAdmin.StatusCode);
    }

    [Fact]
    public async Task Members_list_the_collaborations_agreements()
    {
        var (collaboration, owner, _, url) = await DraftAsync();
        var list = await factory.ClientFor(Roles.Caseworker, owner).GetFromJsonAsync<JsonElement>($"/api/collaborations/{collaboration}/agreements");
        Assert.Equal(1, list.GetArrayLength());
        Assert.EndsWith(list[0].GetProperty("id").GetGuid().ToString(), url);
    }

    [Fact]
    public async Task Bad_terms_in_an_edit_are_400_naming_the_field()
    {
        var (_, _, partner, url) = await DraftAsync();
        var client = factory.ClientFor(Roles.Coordinator, partner);
        var terms = Terms();
        terms["contributions"]![0]!["unit"] = null;

        var response = await client.SendAsync(Send(HttpMethod.Put, url, terms, await ETagAsync(client, url)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Problems.AssertNamesField(await response.ProblemAsync(), "contributions[0].unit");
    }
}
