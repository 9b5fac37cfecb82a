using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Owner, partner and outsider agencies, a collaboration of the first two, an intervention, assessment round 1 and a meeting.</summary>
public sealed record AuditWorld(Guid Owner, Guid Partner, Guid Outsider, Guid Collaboration, Guid Intervention, Guid Meeting)
{
    // One world per factory (each has its own database): each audit case breaks one request against it and changes nothing.
    private static readonly OncePerFixture<ActorsApiFactory, AuditWorld> Worlds = new(CreateAsync);

    public static Task<AuditWorld> For(ActorsApiFactory factory) => Worlds.For(factory);

    private static async Task<AuditWorld> CreateAsync(ActorsApiFactory factory)
    {
        var partner = await factory.RegisterActorAsync("Partner");
        var outsider = await factory.RegisterActorAsync("Utomstående");
        var (collaboration, owner) = await factory.CreateCollaborationAsync(partner);
        var owners = factory.ClientFor(Roles.Coordinator, owner);
        var intervention = await owners.PostAsJsonAsync($"/api/actors/{owner}/interventions", new
        {
            name = "Jobbcoachning", category = "supported-employment", eligibility = "Alla inskrivna", capacity = 10, openRegardlessOfBenefit = true,
        });
        Assert.Equal(HttpStatusCode.Created, intervention.StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await owners.PostAsJsonAsync($"/api/collaborations/{collaboration}/assessment-rounds", new { heldOn = "2026-03-01" })).StatusCode);
        var meeting = await owners.PostAsJsonAsync($"/api/collaborations/{collaboration}/meetings", new { date = "2026-03-01", kind = "steering-group" });
        Assert.Equal(HttpStatusCode.Created, meeting.StatusCode);
        return new AuditWorld(owner, partner, outsider, collaboration, await IdOf(intervention), await IdOf(meeting));
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
