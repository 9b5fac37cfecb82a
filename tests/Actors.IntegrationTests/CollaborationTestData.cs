using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>A valid collaboration body (as a mutable JSON tree, so a test can break one field) and the calls around it.</summary>
public static class CollaborationTestData
{
    public static JsonObject ValidPlan() => JsonNode.Parse("""
        {
          "name": "Fortsatt Samverkan Leder till Arbete",
          "purpose": "Fler långt från arbetsmarknaden i arbete eller studier.",
          "targetGroups": ["long-term-unemployed", "young"],
          "geography": ["0880", "0881", "0882"],
          "startDate": "2026-01-01",
          "endDate": "2027-12-31",
          "financing": { "source": "esf-plus", "programmeArea": "Programområde B", "budget": 12500000 },
          "targets": {
            "participants": { "total": 437, "women": 200, "men": 230, "nonBinary": 7 },
            "exitToWorkOrStudiesShare": 60,
            "indicators": [ { "name": "Arbetsgivaravtal", "targetValue": 12, "unit": "avtal" } ]
          }
        }
        """)!.AsObject();

    /// <summary>Registers an owner actor and creates a collaboration as its coordinator; returns both ids.</summary>
    public static async Task<(Guid Collaboration, Guid Owner)> CreateCollaborationAsync(this ActorsApiFactory factory, params Guid[] partners)
    {
        var owner = await factory.RegisterActorAsync("Ägare kommun");
        var body = ValidPlan();
        body["ownerGoals"] = new JsonArray("50 deltagare i arbete");
        body["members"] = new JsonArray(partners.Select(p => (JsonNode)new JsonObject { ["actorId"] = p.ToString(), ["role"] = "partner" }).ToArray());
        var response = await factory.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync("/api/collaborations", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), owner);
    }

    public static HttpRequestMessage Put(string url, JsonNode body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return request;
    }
}
