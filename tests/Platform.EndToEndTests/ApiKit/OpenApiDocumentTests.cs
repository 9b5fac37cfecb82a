using System.Net;
using System.Text.Json.Nodes;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults;

namespace Samverkan.Platform.EndToEndTests.ApiKit;

/// <summary>
/// The documents agencies generate their clients from, as the gateway serves them for every service: no schema that
/// says nothing (<c>{}</c>, which a generator turns into <c>object</c>, or an array without items), no enum without its values.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiDocumentTests(PlatformFixture platform)
{
    public static TheoryData<string> Services => [.. ResourceNames.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task No_schema_is_empty_and_every_enum_has_values(string service)
    {
        var document = await OpenApiDocuments.GetAsync(platform, service);

        var gaps = OpenApiDocuments.Schemas(document)
            .Where(s => OpenApiDocuments.IsEmpty(s.Schema) || s.Schema["enum"] is JsonArray { Count: 0 })
            .Select(s => s.Path)
            .ToList();

        Assert.True(gaps.Count == 0, $"{service}: {gaps.Count} empty schemas or enums without values:\n{string.Join('\n', gaps.Take(40))}");
        Assert.NotEmpty(OpenApiDocuments.Schemas(document));
    }

    [Fact]
    public async Task Enums_carry_their_wire_names_and_identifiers_their_patterns()
    {
        var actors = await OpenApiDocuments.GetAsync(platform, ResourceNames.Actors);
        var participants = await OpenApiDocuments.GetAsync(platform, ResourceNames.Participants);

        Assert.Contains("civil-society", Values(actors, "ActorSector"));
        Assert.Contains("woman", Values(participants, "Gender"));
        Assert.Contains("employment", Values(participants, "ExitOutcome"));
        var register = actors["components"]!["schemas"]!["RegisterActorRequest"]!["properties"]!;
        Assert.Equal(@"^\d{2}[2-9]\d{3}-?\d{4}$", (string?)register["organisationNumber"]!["pattern"]);
        Assert.Equal(@"^\d{4}$", (string?)register["municipalityCode"]!["pattern"]);
    }

    [Fact]
    public async Task Every_operation_documents_its_problem_answers_and_every_POST_its_Idempotency_Key()
    {
        var document = await OpenApiDocuments.GetAsync(platform, ResourceNames.Participants);
        var exit = document["paths"]!["/api/participants/{id}/exit"]!["post"]!;

        foreach (var status in new[] { "400", "401", "403", "404", "409", "422" })
            Assert.True(exit["responses"]![status]?["content"]?["application/problem+json"] is not null, $"POST exit documents {status} as problem details");
        Assert.Contains(exit["parameters"]!.AsArray(), p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header");
    }

    [Fact]
    public async Task A_deprecated_endpoint_says_so_in_its_headers_and_its_document()
    {
        var response = await platform.ClientFor(Roles.Caseworker).GetAsync("/api/employers/actors");
        var document = await OpenApiDocuments.GetAsync(platform, ResourceNames.Employers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("@1796083200", response.Headers.GetValues("Deprecation").Single()); // 2026-12-01T00:00:00Z
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
        Assert.Contains("</api/actors>; rel=\"successor-version\"", response.Headers.GetValues("Link"));
        Assert.True((bool?)document["paths"]!["/api/employers/actors"]!["get"]!["deprecated"]);
    }

    private static IEnumerable<string?> Values(JsonNode document, string enumSchema) =>
        document["components"]!["schemas"]![enumSchema]!["enum"]!.AsArray().Select(v => (string?)v);
}
