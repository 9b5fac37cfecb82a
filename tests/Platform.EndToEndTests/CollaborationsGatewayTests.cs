using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>A collaboration's life through the gateway: members, agreement, catalogue, assessment; and who is kept out.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CollaborationsGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Collaboration_agreement_intervention_and_assessment_work_through_the_gateway()
    {
        var owner = await RegisterAsync("Kalmar kommun AME");
        var partner = await RegisterAsync("Arbetsförmedlingen Kalmar");
        var ownerClient = platform.ClientFor(Roles.Coordinator, owner);
        var partnerClient = platform.ClientFor(Roles.Coordinator, partner);
        var collaboration = await CreateCollaborationAsync(owner, partner);

        var draft = await partnerClient.PostAsJsonAsync($"/api/collaborations/{collaboration}/agreements", new
        {
            form = "written", validFrom = "2026-01-01", validTo = "2026-12-31",
            contributions = new[] { new { kind = "participant-referrals", quantity = 40, unit = "deltagare" } },
            signatories = new[] { new { name = "Eva Ek", hasMandate = true } },
        });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var sign = new HttpRequestMessage(HttpMethod.Post, $"{draft.Headers.Location}/sign");
        sign.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(draft.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, (await partnerClient.SendAsync(sign)).StatusCode);

        var intervention = await partnerClient.PostAsJsonAsync($"/api/actors/{partner}/interventions", new
        {
            name = "Sökandelots", category = "supported-employment", eligibility = "Inskriven hos AF", openRegardlessOfBenefit = true,
        });
        Assert.Equal(HttpStatusCode.Created, intervention.StatusCode);
        var catalogue = await ownerClient.GetFromJsonAsync<JsonElement>($"/api/collaborations/{collaboration}/interventions?category=supported-employment");
        Assert.Equal(1, catalogue.GetProperty("total").GetInt32());

        var round = await ownerClient.PostAsJsonAsync($"/api/collaborations/{collaboration}/assessment-rounds", new { heldOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Created, round.StatusCode);
        foreach (var (client, score) in new[] { (ownerClient, 5), (partnerClient, 2) })
        {
            var answered = await client.PutAsJsonAsync($"/api/collaborations/{collaboration}/assessment-rounds/1/answers",
                new { answers = new[] { new { criterion = "shared-view-of-goals", score } } });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        var assessment = await partnerClient.GetFromJsonAsync<JsonElement>($"/api/collaborations/{collaboration}/assessment");
        var goals = assessment.GetProperty("rounds")[0].GetProperty("criteria")[0];
        Assert.Equal(("shared-view-of-goals", true), (goals.GetProperty("criterion").GetString(), goals.GetProperty("divergent").GetBoolean()));

        var delivery = await partnerClient.GetFromJsonAsync<JsonElement>($"/api/collaborations/{collaboration}/agreements/delivery");
        Assert.Equal(40, delivery[0].GetProperty("contributions")[0].GetProperty("promised").GetDecimal());
    }

    [Fact]
    public async Task Employers_and_caseworkers_of_other_agencies_are_kept_out_through_the_gateway()
    {
        var owner = await RegisterAsync("Nybro kommun");
        var collaboration = await CreateCollaborationAsync(owner);
        var outsider = await RegisterAsync("Annan kommun");

        var employer = await platform.ClientFor(Roles.Employer, owner).GetAsync($"/api/collaborations/{collaboration}");
        var caseworker = await platform.ClientFor(Roles.Caseworker, outsider).GetAsync($"/api/collaborations/{collaboration}/governance");
        var member = await platform.ClientFor(Roles.Caseworker, owner).GetAsync($"/api/collaborations/{collaboration}/governance/warnings");

        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, caseworker.StatusCode);
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
    }

    private async Task<Guid> RegisterAsync(string name)
    {
        var response = await platform.ClientFor(Roles.Admin).PostAsJsonAsync("/api/actors", new
        {
            name, organisationNumber = TestNumbers.NewOrganisationNumber(), sector = "public", kind = "municipality",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> CreateCollaborationAsync(Guid owner, params Guid[] partners)
    {
        var response = await platform.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync("/api/collaborations", new
        {
            name = "Samverkan Kalmar län", purpose = "Fler i arbete eller studier", targetGroups = new[] { "long-term-unemployed" },
            geography = new[] { "0880" }, startDate = "2026-01-01", endDate = "2027-12-31",
            financing = new { source = "esf-plus", budget = 1_000_000 },
            targets = new { participants = new { total = 100, women = 50, men = 50 }, exitToWorkOrStudiesShare = 60 },
            members = partners.Select(p => new { actorId = p, role = "partner" }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
